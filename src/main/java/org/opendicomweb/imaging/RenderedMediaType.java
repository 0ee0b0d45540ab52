package org.opendicomweb.imaging;

/** The rendered media types this server writes (PS3.18 §8.7.4), with the ImageIO format that writes each. */
public enum RenderedMediaType {
    JPEG("image/jpeg", "jpeg", true),
    PNG("image/png", "png", false),
    GIF("image/gif", "gif", false);

    private final String mediaType;
    private final String format;
    private final boolean lossy;

    RenderedMediaType(String mediaType, String format, boolean lossy) {
        this.mediaType = mediaType;
        this.format = format;
        this.lossy = lossy;
    }

    public String mediaType() {
        return mediaType;
    }

    String format() {
        return format;
    }

    /** Whether the quality parameter applies. */
    public boolean lossy() {
        return lossy;
    }

    /** The type named by {@code essence} ("image/png"), or {@code null}. */
    public static RenderedMediaType of(String essence) {
        for (RenderedMediaType t : values()) {
            if (t.mediaType.equalsIgnoreCase(essence)) {
                return t;
            }
        }
        return null;
    }
}
