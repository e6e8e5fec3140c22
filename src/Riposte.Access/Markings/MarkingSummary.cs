using System.Text.Json.Nodes;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Access.Markings;

/// <summary>
/// What the marking rules need to know about one object, independent of who reads it: its effective
/// TLP level, the organisation that created it and the recipients it names.
/// </summary>
/// <param name="Level">The most restrictive TLP object marking, or the node's default when there is none.</param>
/// <param name="CreatorOrganizationId">created_by_ref, or the node's organisation when absent.</param>
/// <param name="Recipients">Ids named by <see cref="RecipientsExtension"/>.</param>
public sealed record MarkingSummary(TlpLevel Level, string? CreatorOrganizationId, IReadOnlyList<string> Recipients)
{
    public static MarkingSummary Of(StixObject obj, AccessOptions options)
    {
        var level = MostRestrictive(obj.Json["object_marking_refs"] as JsonArray) ?? DefaultFor(obj, options);
        return new MarkingSummary(level, obj.CreatedByRef ?? options.NodeOrganizationId, RecipientsExtension.Read(obj));
    }

    /// <summary>The most restrictive TLP marking among these refs; null when none is a TLP marking (statements do not restrict).</summary>
    public static TlpLevel? MostRestrictive(JsonArray? markingRefs)
    {
        if (markingRefs is null)
            return null;
        TlpLevel? level = null;
        foreach (var item in markingRefs)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var id) && TlpMarkings.LevelOf(id) is { } l && (level is null || l > level))
                level = l;
        }
        return level;
    }

    /// <summary>This summary at another level (a granular marking on part of the object).</summary>
    public MarkingSummary WithLevel(TlpLevel level) => this with { Level = level };

    private static TlpLevel DefaultFor(StixObject obj, AccessOptions options) =>
        options.PublicTypes.Contains(obj.Type) || CarriesPublicStatement(obj, options) ? TlpLevel.Clear : options.DefaultLevel;

    private static bool CarriesPublicStatement(StixObject obj, AccessOptions options)
    {
        if (options.PublicStatementMarkings.Count == 0 || obj.Json["object_marking_refs"] is not JsonArray refs)
            return false;
        foreach (var item in refs)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var id) && options.PublicStatementMarkings.Contains(id))
                return true;
        }
        return false;
    }
}
