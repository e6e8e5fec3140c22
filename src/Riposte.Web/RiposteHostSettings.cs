namespace Riposte.Web;

/// <summary>What a node needs to start: where its store is and where it listens.</summary>
public sealed record RiposteHostSettings
{
    /// <summary>The node's database: a SQLite file path, or a PostgreSQL URL / connection string.</summary>
    public required string Db { get; init; }

    /// <summary>Listening addresses, as ASP.NET's <c>--urls</c> takes them (semicolon-separated). Null: the ASP.NET default.</summary>
    public string? Urls { get; init; }

    /// <summary>The folder of the peer-token keys; null: <c>$RIPOSTE_KEYS</c>, else beside a database file (required for PostgreSQL).</summary>
    public string? KeysDirectory { get; init; }

    /// <summary>ASP.NET environment name (Development shows detailed errors).</summary>
    public string Environment { get; init; } = "Production";
}
