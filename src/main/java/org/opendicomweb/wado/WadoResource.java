package org.opendicomweb.wado;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.web.AcceptEncoding;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.ByteRange;
import org.opendicomweb.web.DicomResponses;
import org.opendicomweb.web.DicomResponses.DatasetType;
import org.opendicomweb.web.StreamingBody;
import org.opendicomweb.web.WarningHeader;
import org.opendicomweb.web.capabilities.Representations;
import org.opendicomweb.web.capabilities.Transaction;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * WADO-RS endpoints (PS3.18 §10.4): metadata, instances, frames and bulk data of studies, series and instances.
 * Each method parses the URL, asks a service and sends what it answers; bodies are streamed on a virtual
 * thread.
 *
 * <p>The two requests a viewer makes most usually never get here: Vert.x routes answer them ahead of the REST
 * layer, sending one region of the stored file as a sized single-part body (sendfile; no thread waits on the
 * socket). {@link StoredInstanceRoute} answers {@code GET .../instances/{instance}} when the Accept takes the
 * instance in its stored transfer syntax (not as ZIP); {@link StoredFrameRoute} answers {@code GET .../frames/{n}}
 * of one frame when the instance's location and frame table are already kept and the frame goes out as stored in
 * one piece. Both need a connection that takes file regions (plain HTTP/1.x), the frame route also a store that
 * opens files locally. Everything else, malformed or unknown targets and every error included, they hand on
 * unanswered to the methods below, so the answer is the same either way but for Content-Length in place of
 * chunking. Both paths negotiate and locate through the same services ({@link InstanceRetrieveService},
 * {@link FrameService}, {@link InstanceLocations}): change what is answered there, not in a route.
 */
@Access(value = Permission.READ, audit = AuditKind.RETRIEVE)
@Path("/studies")
public class WadoResource {
    /** Metadata bodies differ by media type and by content coding. */
    private static final String METADATA_VARY = "Accept, Accept-Encoding";

    @Inject
    MetadataService metadata;

    @Inject
    InstanceRetrieveService instances;

    @Inject
    FrameService frames;

    @Inject
    BulkDataService bulkData;

    @Inject
    BaseUrl baseUrl;

    @Inject
    MetadataGzipCache gzipCache;

    @Inject
    HttpServerRequest request;

    @GET
    @Path("/{study}/metadata")
    @Transaction(value = "Retrieve Study Metadata", section = "10.4")
    @Representations(
            produces = {
                "application/dicom+json",
                "application/json",
                "multipart/related; type=\"application/dicom+xml\""
            })
    @RunOnVirtualThread
    @Compressed
    public Response studyMetadata(
            @PathParam("study") String study,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metadata(RetrieveTarget.of(study, null, null), accept, ifNoneMatch);
    }

    @GET
    @Path("/{study}/series/{series}/metadata")
    @Transaction(value = "Retrieve Series Metadata", section = "10.4")
    @Representations(
            produces = {
                "application/dicom+json",
                "application/json",
                "multipart/related; type=\"application/dicom+xml\""
            })
    @RunOnVirtualThread
    @Compressed
    public Response seriesMetadata(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metadata(RetrieveTarget.of(study, series, null), accept, ifNoneMatch);
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/metadata")
    @Transaction(value = "Retrieve Instance Metadata", section = "10.4")
    @Representations(
            produces = {
                "application/dicom+json",
                "application/json",
                "multipart/related; type=\"application/dicom+xml\""
            })
    @RunOnVirtualThread
    @Compressed
    public Response instanceMetadata(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metadata(RetrieveTarget.of(study, series, instance), accept, ifNoneMatch);
    }

    @GET
    @Path("/{study}")
    @Transaction(value = "Retrieve Study", section = "10.4")
    @Representations(
            produces = {"multipart/related; type=\"application/dicom\"", "application/zip"},
            doc = "Explicit VR Little Endian unless Accept names a transfer-syntax (* for the stored one).")
    @RunOnVirtualThread
    public Response study(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(RetrieveTarget.of(study, null, null), accept);
    }

    @GET
    @Path("/{study}/series/{series}")
    @Transaction(value = "Retrieve Series", section = "10.4")
    @Representations(
            produces = {"multipart/related; type=\"application/dicom\"", "application/zip"},
            doc = "Explicit VR Little Endian unless Accept names a transfer-syntax (* for the stored one).")
    @RunOnVirtualThread
    public Response series(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(RetrieveTarget.of(study, series, null), accept);
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}")
    @Transaction(value = "Retrieve Instance", section = "10.4")
    @Representations(
            produces = {"multipart/related; type=\"application/dicom\"", "application/zip"},
            doc = "Explicit VR Little Endian unless Accept names a transfer-syntax (* for the stored one).")
    @RunOnVirtualThread
    public Response instance(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(RetrieveTarget.of(study, series, instance), accept);
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/frames/{frames}")
    @Transaction(value = "Retrieve Frames", section = "10.4")
    @Representations(
            produces = {
                "multipart/related; type=\"application/octet-stream\"",
                "multipart/related; type=\"image/jpeg\"",
                "multipart/related; type=\"image/jls\"",
                "multipart/related; type=\"image/jp2\"",
                "multipart/related; type=\"image/jpx\"",
                "multipart/related; type=\"image/jphc\"",
                "multipart/related; type=\"image/jxl\"",
                "multipart/related; type=\"image/dicom-rle\""
            })
    @RunOnVirtualThread
    public Response frames(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @PathParam("frames") String frameList,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return frames(frames.plan(RetrieveTarget.of(study, series, instance), frameList, accept));
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/bulkdata/{path: .+}")
    @Transaction(value = "Retrieve Bulkdata", section = "10.4")
    @Representations(produces = {"application/octet-stream", "multipart/related; type=\"application/octet-stream\""})
    @RunOnVirtualThread
    public Response bulkData(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @PathParam("path") String path,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam("Range") String range) {
        RetrieveTarget target = RetrieveTarget.of(study, series, instance);
        RetrieveIndex.StoredFile file = bulkData.file(target);
        BulkDataService.Value value;
        if (BulkDataService.isTopLevelPixelData(path)) {
            value = bulkData.pixelData(file);
            if (value == null) {
                return frames(bulkData.allFrames(target, file, accept));
            }
        } else {
            value = bulkData.value(file, path);
        }
        String what = "bulk data " + path + " of " + target.describe();
        List<ByteRange> ranges = ByteRange.parse(range, value.size());
        boolean multipart = BulkDataNegotiation.multipart(accept);
        if (multipart || (ranges != null && ranges.size() > 1)) {
            String boundary = MultipartWriter.newBoundary();
            // Several ranges of a single-part answer are multipart/byteranges (RFC 9110 §14.6); a multipart/related
            // answer carries the ranges asked for as its parts, each with its Content-Range.
            String type = multipart
                    ? MultipartWriter.contentType(FrameService.OCTET_STREAM, boundary)
                    : "multipart/byteranges; boundary=" + boundary;
            List<ByteRange> parts = ranges != null ? ranges : List.of(new ByteRange(0, value.size()));
            return Response.status(ranges == null ? 200 : 206)
                    .type(type)
                    .header("Accept-Ranges", "bytes")
                    .entity(StreamingBody.of(request, what, out -> {
                        MultipartWriter writer = new MultipartWriter(out, boundary);
                        for (ByteRange r : parts) {
                            writer.startPart(
                                    FrameService.OCTET_STREAM,
                                    null,
                                    ranges == null ? null : r.contentRange(value.size()));
                            bulkData.write(value, r.start(), r.length(), writer.body());
                        }
                        writer.finish();
                    }))
                    .build();
        }
        ByteRange bytes = ranges == null ? new ByteRange(0, value.size()) : ranges.get(0);
        Response.ResponseBuilder response = Response.status(ranges == null ? 200 : 206)
                .type(FrameService.OCTET_STREAM)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, bytes.length())
                .entity(StreamingBody.of(
                        request, what, out -> bulkData.write(value, bytes.start(), bytes.length(), out)));
        if (ranges != null) {
            response.header("Content-Range", bytes.contentRange(value.size()));
        }
        return response.build();
    }

    private Response frames(FrameService.Plan plan) {
        String boundary = MultipartWriter.newBoundary();
        Response.ResponseBuilder response = Response.status(plan.status())
                .type(MultipartWriter.contentType(plan.mediaType(), boundary))
                .entity(StreamingBody.of(
                        request,
                        "frames of " + plan.file().instance(),
                        out -> frames.write(plan, new MultipartWriter(out, boundary))));
        if (plan.missing() > 0) {
            response.header(WarningHeader.NAME, WarningHeader.of(plan.missing() + " requested frame(s) do not exist"));
        }
        return response.build();
    }

    private Response instances(RetrieveTarget target, String accept) {
        InstanceRetrieveService.Plan plan = instances.plan(target, accept);
        String root = baseUrl.root();
        Response.ResponseBuilder response = Response.status(plan.status());
        if (plan.zip()) {
            response.type(InstanceNegotiation.APPLICATION_ZIP)
                    .header("Content-Disposition", "attachment; filename=\"" + target.lastUid() + ".zip\"")
                    .entity(StreamingBody.of(request, target.describe(), out -> instances.writeZip(plan, out)));
        } else {
            String boundary = MultipartWriter.newBoundary();
            response.type(MultipartWriter.contentType(InstanceNegotiation.APPLICATION_DICOM, boundary))
                    .entity(StreamingBody.of(
                            request,
                            target.describe(),
                            out -> instances.write(plan, root, new MultipartWriter(out, boundary))));
        }
        if (plan.leftOut() > 0) {
            response.header(
                    WarningHeader.NAME,
                    WarningHeader.of(plan.leftOut()
                            + " instance(s) left out: stored in a transfer syntax that cannot be sent as accepted"));
        }
        return response.build();
    }

    private Response metadata(RetrieveTarget target, String accept, String ifNoneMatch) {
        DatasetType representation = DicomResponses.negotiateDatasets(accept, "Metadata");
        String root = baseUrl.root();
        String tag = metadata.entityTag(target, root, representation);
        if (metadata.notModified(ifNoneMatch, tag)) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, tag)
                    .header(HttpHeaders.VARY, METADATA_VARY)
                    .build();
        }
        Response.ResponseBuilder response;
        if (representation == DatasetType.DICOM_XML) {
            String boundary = MultipartWriter.newBoundary();
            response = Response.ok(
                    StreamingBody.of(
                            request,
                            target.describe(),
                            out -> metadata.writeXml(target, root, new MultipartWriter(out, boundary))),
                    MultipartWriter.contentType(representation.mediaType(), boundary));
        } else if (request.version() != HttpVersion.HTTP_2
                && AcceptEncoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            // Compressed here, once per entity tag (MetadataGzipCache); over HTTP/1.1 the framework passes a body
            // with a Content-Encoding on as it is. Its HTTP/2 encoder would compress such a body again, so HTTP/2
            // (h2c; TLS usually ends at a proxy that speaks HTTP/1.1 to us) is compressed on the fly instead.
            String key = tag + " " + root; // the tag carries only a checksum of the root
            byte[] kept = gzipCache.get(key);
            response = Response.ok(
                            kept != null
                                    ? kept
                                    : StreamingBody.of(
                                            request,
                                            target.describe(),
                                            out -> gzipCache.compress(
                                                    key,
                                                    target.study(),
                                                    out,
                                                    gzip -> metadata.write(target, root, gzip))),
                            representation.mediaType())
                    .header("Content-Encoding", "gzip");
        } else {
            response = Response.ok(
                    StreamingBody.of(request, target.describe(), out -> metadata.write(target, root, out)),
                    representation.mediaType());
        }
        return response.header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, METADATA_VARY)
                .build();
    }
}
