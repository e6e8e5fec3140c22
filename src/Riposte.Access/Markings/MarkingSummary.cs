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
        ArgumentNullException.ThrowIfNull(obj);
        return Of(obj.Type, AccessFacts.Of(obj), options);
    }

    /// <summary>The summary from facts already read from the object's bytes.</summary>
    internal static MarkingSummary Of(string type, AccessFacts facts, AccessOptions options)
    {
        var level = TlpMarkings.MostRestrictive(facts.MarkingRefs) ?? DefaultFor(type, facts.MarkingRefs, options);
        return new MarkingSummary(level, facts.CreatedByRef ?? options.NodeOrganizationId, facts.Recipients);
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

    private static TlpLevel DefaultFor(string type, IReadOnlyList<string> markingRefs, AccessOptions options) =>
        options.PublicTypes.Contains(type) || CarriesPublicStatement(markingRefs, options) ? TlpLevel.Clear : options.DefaultLevel;

    private static bool CarriesPublicStatement(IReadOnlyList<string> markingRefs, AccessOptions options)
    {
        if (options.PublicStatementMarkings.Count == 0)
            return false;
        foreach (var id in markingRefs)
        {
            if (options.PublicStatementMarkings.Contains(id))
                return true;
        }
        return false;
    }
}
