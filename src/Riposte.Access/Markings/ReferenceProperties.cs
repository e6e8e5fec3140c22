namespace Riposte.Access.Markings;

/// <summary>
/// Which references of which types must not disclose a more restricted object. A relationship or
/// sighting is about its endpoints, so an invisible endpoint hides it entirely; container objects
/// (reports, groupings, notes, opinions, observed-data) only lose the invisible entries.
/// </summary>
public static class ReferenceProperties
{
    private static readonly string[] None = [];
    private static readonly string[] RelationshipEndpoints = ["source_ref", "target_ref"];
    private static readonly string[] SightingEndpoints = ["sighting_of_ref"];
    private static readonly string[] SightingObserved = ["observed_data_refs"];
    private static readonly string[] SightingWhere = ["where_sighted_refs"];
    private static readonly string[] ObjectRefs = ["object_refs"];

    /// <summary>Single references whose target, when invisible, hides the whole object.</summary>
    public static string[] HidingSingle(string type) => type switch
    {
        "relationship" => RelationshipEndpoints,
        "sighting" => SightingEndpoints,
        _ => None,
    };

    /// <summary>Reference lists any invisible entry of which hides the whole object.</summary>
    public static string[] HidingLists(string type) => type == "sighting" ? SightingObserved : None;

    /// <summary>Reference lists whose invisible entries are removed from the copy returned.</summary>
    public static string[] FilteredLists(string type) => type switch
    {
        "report" or "grouping" or "note" or "opinion" or "observed-data" => ObjectRefs,
        "sighting" => SightingWhere,
        _ => None,
    };
}
