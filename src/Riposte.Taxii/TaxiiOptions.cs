namespace Riposte.Taxii;

/// <summary>The TAXII server's settings (configuration section <c>Riposte:Taxii</c>), checked at start-up.</summary>
public sealed class TaxiiOptions
{
    public const string SectionName = "Riposte:Taxii";

    /// <summary>Discovery <c>title</c> (§4.1.1).</summary>
    public string Title { get; set; } = "Riposte TAXII 2.1";

    public string? Description { get; set; } = "FIMI threat intelligence shared in STIX 2.1";
    public string? Contact { get; set; }

    /// <summary>Where the discovery resource is served; starts and ends with '/'.</summary>
    public string DiscoveryPath { get; set; } = "/taxii2/";

    /// <summary>The API root's path; starts and ends with '/'. Discovery lists it as a relative URL.</summary>
    public string ApiRootPath { get; set; } = "/taxii2/riposte/";

    public string ApiRootTitle { get; set; } = "Riposte";
    public string? ApiRootDescription { get; set; }

    /// <summary>The API root's <c>max_content_length</c> in bytes: larger POST bodies get 413.</summary>
    public long MaxContentLength { get; set; } = 16 * 1024 * 1024;

    /// <summary>The most objects one page holds; a larger <c>limit</c> is capped to it.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) signing <c>next</c> tokens. Set it on nodes behind a load
    /// balancer or to keep tokens valid across restarts; unset, a random key is made at start-up.
    /// </summary>
    public string? NextTokenKey { get; set; }

    /// <summary>How long a <c>next</c> token stays usable.</summary>
    public TimeSpan NextTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The realm named in WWW-Authenticate challenges.</summary>
    public string Realm { get; set; } = "Riposte TAXII";
}
