package org.opendicomweb.imaging;

import java.util.Locale;

/**
 * How Window Center and Window Width map modality values to display values (PS3.3 §C.11.2.1.2 and
 * §C.11.2.1.3). Each maps to a value in [0, 1]; the caller scales it to the output depth.
 */
public enum VoiFunction {
    /** §C.11.2.1.2.1: the classic window; a width of 1 is a threshold at the center. */
    LINEAR("linear") {
        @Override
        double apply(double x, double c, double w) {
            double low = c - 0.5 - (w - 1) / 2;
            double high = c - 0.5 + (w - 1) / 2;
            if (x <= low) {
                return 0;
            }
            if (x > high) {
                return 1;
            }
            return (x - (c - 0.5)) / (w - 1) + 0.5;
        }

        @Override
        boolean acceptsWidth(double w) {
            return w >= 1;
        }
    },
    /** §C.11.2.1.3.2: the window without the half-unit offsets, for real-valued data. */
    LINEAR_EXACT("linear-exact") {
        @Override
        double apply(double x, double c, double w) {
            if (x <= c - w / 2) {
                return 0;
            }
            if (x > c + w / 2) {
                return 1;
            }
            return (x - c) / w + 0.5;
        }
    },
    /** §C.11.2.1.3.1: a logistic curve centred on the window center. */
    SIGMOID("sigmoid") {
        @Override
        double apply(double x, double c, double w) {
            return 1 / (1 + Math.exp(-4 * (x - c) / w));
        }
    };

    private final String parameterValue;

    VoiFunction(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value in [0, 1] for modality value {@code x} under center {@code c} and width {@code w}. */
    abstract double apply(double x, double c, double w);

    /** LINEAR needs a width of at least 1, the others any positive width. */
    boolean acceptsWidth(double w) {
        return w > 0;
    }

    /** The spelling of the {@code window} query parameter (PS3.18 §8.3.5.1.4). */
    public String parameterValue() {
        return parameterValue;
    }

    /** From the query parameter spelling ({@code linear-exact}), case-insensitively; {@code null} if unknown. */
    public static VoiFunction ofParameter(String value) {
        for (VoiFunction f : values()) {
            if (f.parameterValue.equalsIgnoreCase(value.trim())) {
                return f;
            }
        }
        return null;
    }

    /** From VOI LUT Function (0028,1056); absent or unknown terms mean LINEAR, as PS3.3 prescribes for absence. */
    public static VoiFunction ofDefinedTerm(String term) {
        if (term == null) {
            return LINEAR;
        }
        return switch (term.trim().toUpperCase(Locale.ROOT)) {
            case "SIGMOID" -> SIGMOID;
            case "LINEAR_EXACT" -> LINEAR_EXACT;
            default -> LINEAR;
        };
    }
}
