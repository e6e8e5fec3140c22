namespace Riposte.Taxii.Http;

/// <summary>
/// A request the server answers with a TAXII error message (§3.6.1) and the given HTTP status.
/// Thrown by parsing and access checks deep in a handler; the endpoint filter turns it into the response.
/// </summary>
public sealed class TaxiiException(int statusCode, string title, string? description = null) : Exception(description ?? title)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;
    public string? Description { get; } = description;

    public static TaxiiException BadRequest(string description) => new(400, "Bad request", description);
    public static TaxiiException NotFound(string description) => new(404, "Not found", description);
    public static TaxiiException Forbidden(string description) => new(403, "Forbidden", description);
}
