using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Riposte.Access;
using Riposte.Taxii.Http;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Auth;

/// <summary>
/// HTTP Basic and Bearer authentication for TAXII clients (§3.2 leaves the scheme to the server;
/// these are what TAXII clients implement). Credentials are checked by <see cref="IAuthenticator"/>;
/// a refusal is a 401 with both challenges and a TAXII error body.
/// </summary>
public sealed class TaxiiAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAuthenticator authenticator,
    IOptions<TaxiiOptions> taxiiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "RiposteTaxii";
    public const string OrganizationClaim = "riposte:organization";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The access services audit with the client's address; a host that does not set it gets it here.
        if (Context.RequestServices.GetService<AccessRequestContext>() is { RemoteAddress: null } requestContext)
            requestContext.RemoteAddress = Context.Connection.RemoteIpAddress?.ToString();
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
            return Task.FromResult(AuthenticateResult.NoResult());

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var credentials = space < 0 ? "" : header[(space + 1)..].Trim();
        Principal? principal;
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryDecodeBasic(credentials, out var user, out var password))
                return Task.FromResult(AuthenticateResult.Fail("the Basic credentials are not base64 of 'user:password'"));
            principal = authenticator.AuthenticateBasic(user, password);
        }
        else if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            if (credentials.Length == 0)
                return Task.FromResult(AuthenticateResult.Fail("the Bearer token is empty"));
            principal = authenticator.AuthenticateToken(credentials);
        }
        else
        {
            return Task.FromResult(AuthenticateResult.Fail($"authorization scheme '{scheme}' is not supported; use Basic or Bearer"));
        }

        if (principal is null)
            return Task.FromResult(AuthenticateResult.Fail("the credentials are wrong, expired or revoked"));

        Context.Items[typeof(Principal)] = principal;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, principal.UserId),
                new Claim(ClaimTypes.Name, principal.UserId),
                new Claim(OrganizationClaim, principal.OrganizationId),
                new Claim(ClaimTypes.Role, principal.Role.ToString()),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var realm = taxiiOptions.Value.Realm.Replace("\"", "'", StringComparison.Ordinal);
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        var bearer = failure is null ? $"Bearer realm=\"{realm}\"" : $"Bearer realm=\"{realm}\", error=\"invalid_token\"";
        Response.Headers.Append(HeaderNames.WWWAuthenticate, $"Basic realm=\"{realm}\", charset=\"UTF-8\"");
        Response.Headers.Append(HeaderNames.WWWAuthenticate, bearer);
        var description = failure?.Message ?? "this server requires HTTP Basic or Bearer credentials";
        await TaxiiErrorResult.WriteAsync(Response, StatusCodes.Status401Unauthorized, new TaxiiError("Unauthorized", description, HttpStatus: "401"), Context.RequestAborted);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TaxiiErrorResult.WriteAsync(Response, StatusCodes.Status403Forbidden, new TaxiiError("Forbidden", "you may not use this resource", HttpStatus: "403"), Context.RequestAborted);

    private static bool TryDecodeBasic(string encoded, out string user, out string password)
    {
        user = password = "";
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length))
            return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;
        user = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }
}
