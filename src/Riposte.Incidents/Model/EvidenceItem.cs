namespace Riposte.Incidents.Model;

/// <summary>
/// One piece of evidence, by reference: a post (<c>platform:post-id</c>), a cluster (the detection
/// grouping id), an archived item (an <c>artifact</c> id or URL) or any STIX object, with the
/// SHA-256 of the content the analyst saw so anyone can check it was not altered.
/// </summary>
public sealed record EvidenceItem(string Kind, string Ref, string? Sha256 = null, string? Note = null)
{
    public static readonly IReadOnlyList<string> Kinds = ["post", "cluster", "archive", "stix", "link"];
}
