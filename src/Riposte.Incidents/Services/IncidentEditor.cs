using Riposte.Access;
using Riposte.Incidents.Model;

namespace Riposte.Incidents.Services;

/// <summary>Checks an <see cref="IncidentInput"/> and applies it to the incident extension's properties.</summary>
internal static class IncidentEditor
{
    private static readonly string[] LocationTypes = ["location"];
    private static readonly string[] IdentityTypes = ["identity"];
    private static readonly string[] ChannelTypes = [RiposteExtensions.ChannelType];
    private static readonly string[] NarrativeTypes = [RiposteExtensions.NarrativeType];
    private static readonly string[] AccountTypes = ["user-account", "identity"];

    public static IncidentDetails Apply(IncidentDetails details, IncidentInput input, InputErrors errors, Principal principal, ObjectWorkspace workspace, bool creating)
    {
        if (input.Category is not null || creating)
        {
            if (!ThreatCategories.TryParse(input.Category, out var category))
                errors.Add("category", input.Category is null ? $"is required: one of {ThreatCategories.AllNames}" : $"'{input.Category}' is not one of {ThreatCategories.AllNames}");
            details = details with { Category = category };
        }
        if (input.Subcategories is { } subcategories)
            details = details with { Subcategories = InputRules.Words(errors, "subcategories", subcategories) };
        // An empty date clears it (null leaves it as it is).
        if (input.FirstSeen is not null)
            details = details with { FirstSeen = InputRules.ClearableTimestamp(errors, "firstSeen", input.FirstSeen) };
        if (input.LastSeen is not null)
            details = details with { LastSeen = InputRules.ClearableTimestamp(errors, "lastSeen", input.LastSeen) };
        if (details.FirstSeen is { } first && details.LastSeen is { } last && string.CompareOrdinal(
                Riposte.Stix.StixTimestamp.Parse(first).SortKey, Riposte.Stix.StixTimestamp.Parse(last).SortKey) > 0)
            errors.Add("lastSeen", $"must not be before firstSeen ({first})");
        if (input.TargetLocationRefs is { } locations)
            details = details with { TargetLocationRefs = InputRules.Refs(errors, "targetLocationRefs", locations, LocationTypes, principal, workspace) };
        if (input.TargetEvents is { } events)
            details = details with { TargetEvents = InputRules.Strings(errors, "targetEvents", events) };
        if (input.TargetIdentityRefs is { } identities)
            details = details with { TargetIdentityRefs = InputRules.Refs(errors, "targetIdentityRefs", identities, IdentityTypes, principal, workspace) };
        if (input.TargetSectors is { } sectors)
            details = details with { TargetSectors = InputRules.Words(errors, "targetSectors", sectors) };
        if (input.Platforms is { } platforms)
            details = details with { Platforms = InputRules.Words(errors, "platforms", platforms) };
        if (input.ChannelRefs is { } channels)
            details = details with { ChannelRefs = InputRules.Refs(errors, "channelRefs", channels, ChannelTypes, principal, workspace) };
        if (input.NarrativeRefs is { } narratives)
            details = details with { NarrativeRefs = InputRules.Refs(errors, "narrativeRefs", narratives, NarrativeTypes, principal, workspace) };
        if (input.AccountRefs is { } accounts)
            details = details with { AccountRefs = InputRules.Refs(errors, "accountRefs", accounts, AccountTypes, principal, workspace) };
        if (input.Languages is { } languages)
            details = details with { Languages = InputRules.Languages(errors, "languages", languages) };
        if (input.Evidence is { } evidence)
            details = details with { Evidence = InputRules.Evidence(errors, "evidence", evidence) };
        if (input.Impact is not null)
            details = details with { Impact = InputRules.Text(errors, "impact", input.Impact) };
        return details;
    }
}
