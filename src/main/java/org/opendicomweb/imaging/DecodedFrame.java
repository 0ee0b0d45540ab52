package org.opendicomweb.imaging;

/**
 * One frame in native form: the bytes it would have as a single frame of Explicit VR Little Endian Pixel Data,
 * described by {@code description}. The description can differ from the stored one in photometric
 * interpretation and planar configuration: a YBR_FULL_422 JPEG, for one, decodes to interleaved RGB.
 */
public record DecodedFrame(PixelDescription description, byte[] pixels) {}
