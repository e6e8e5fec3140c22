namespace Riposte.Access;

/// <summary>Turns credentials into a principal. Both TAXII (HTTP Basic, bearer tokens) and the web UI use it.</summary>
public interface IAuthenticator
{
    /// <summary>A user name and password (HTTP Basic), or an API token given as the password. Null when wrong, expired or revoked.</summary>
    Principal? AuthenticateBasic(string userName, string password);

    /// <summary>An API token (bearer). Null when unknown, expired or revoked.</summary>
    Principal? AuthenticateToken(string token);
}
