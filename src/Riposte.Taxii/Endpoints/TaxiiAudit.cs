using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Riposte.Access;

namespace Riposte.Taxii.Endpoints;

/// <summary>Records every TAXII request: who, what, on which resource, and the answer's status.</summary>
public sealed partial class TaxiiAudit(ILogger<TaxiiAudit> logger)
{
    public void Record(HttpContext http, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.Items.TryGetValue(typeof(Principal), out var item) && item is Principal principal ? principal.UserId : "(anonymous)";
        LogRequest(logger, user, http.Request.Method, http.Request.Path, http.Request.QueryString.Value ?? "", statusCode);
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "TAXII audit: {User} {Method} {Path}{Query} -> {Status}")]
    private static partial void LogRequest(ILogger logger, string user, string method, string path, string query, int status);
}
