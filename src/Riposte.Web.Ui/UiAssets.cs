using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Riposte.Web.Ui;

/// <summary>
/// Serves the UI's files (CSS, the bundled network script) from resources embedded in this assembly,
/// so a published node needs no folder beside it. Each file is read once; an ETag lets browsers revalidate.
/// </summary>
public static class UiAssets
{
    public const string Prefix = "/ui/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly ConcurrentDictionary<string, Asset?> Cache = new(StringComparer.Ordinal);

    public static IResult Serve(HttpContext context, string path)
    {
        var asset = Cache.GetOrAdd(path, Load);
        if (asset is null)
            return Results.NotFound();
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
            return Results.StatusCode(StatusCodes.Status304NotModified);
        context.Response.Headers.ETag = asset.ETag;
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    /// <summary>Whether an embedded file exists (tests check the bundle made it into the build).</summary>
    public static bool Exists(string path) => Cache.GetOrAdd(path, Load) is not null;

    private static Asset? Load(string path)
    {
        if (path.Contains("..", StringComparison.Ordinal))
            return null;
        using var stream = typeof(UiAssets).Assembly.GetManifestResourceStream("ui/" + path);
        if (stream is null)
            return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var type = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal))
            type += "; charset=utf-8";
        return new Asset(bytes, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
