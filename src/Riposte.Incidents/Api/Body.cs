using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Incidents.Services;

namespace Riposte.Incidents.Api;

/// <summary>
/// A JSON request body read by Riposte rather than by the framework, so a body of the wrong shape is answered
/// like any other invalid input: a ValidationProblem naming the JSON path (<c>languages</c> for
/// <c>$.languages</c>) and the reason, instead of a bare 400. Declares the body type for the OpenAPI document.
/// </summary>
public sealed class Body<T> : IEndpointParameterMetadataProvider where T : class
{
    private readonly T? _value;
    private readonly string _field;
    private readonly string _problem;

    private Body(T? value, string field, string problem)
    {
        _value = value;
        _field = field;
        _problem = problem;
    }

    /// <summary>The body; reading it when it could not be read throws the field error (turned into 400 by <c>ApiCall</c>).</summary>
    public T Value => _value ?? throw InputInvalidException.One(_field, _problem);

    public static async ValueTask<Body<T>?> BindAsync(HttpContext context)
    {
        var options = context.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted).ConfigureAwait(false);
            return new Body<T>(value, "body", "a JSON object is required");
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
            var where = string.Create(CultureInfo.InvariantCulture, $"line {(e.LineNumber ?? 0) + 1}, byte {e.BytePositionInLine ?? 0}");
            var problem = path == "body"
                ? $"must be one JSON object of the documented shape ({where})"
                : $"has the wrong JSON type or form at {e.Path} ({where})";
            return new Body<T>(null, path, problem);
        }
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T), isOptional: false));
    }
}
