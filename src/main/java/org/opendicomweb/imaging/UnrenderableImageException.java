package org.opendicomweb.imaging;

/**
 * The pixels cannot be rendered: an encoding the renderer does not handle (float pixel data, a segmented
 * palette, a photometric interpretation it does not know) or attributes that contradict the pixel data.
 */
public class UnrenderableImageException extends RuntimeException {
    public UnrenderableImageException(String message) {
        super(message);
    }
}
