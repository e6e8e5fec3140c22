using Riposte.Stix;

namespace Riposte.Access;

/// <summary>
/// The one place that decides what a principal may read and write. Every path that lets data out of
/// the store — TAXII, REST, UI, export, reports, federation — asks this gate; nothing else decides.
/// </summary>
public interface IAccessGate
{
    /// <summary>
    /// The object as the principal may see it: null when it may not see it at all, otherwise the
    /// object with granular-marked parts it may not see removed and references to objects it may
    /// not see handled so they disclose nothing.
    /// </summary>
    StixObject? ForReader(Principal principal, StixObject obj);

    /// <summary>
    /// A page of objects: the same answers, in the same order, as calling
    /// <see cref="ForReader(Principal, StixObject)"/> on each; an implementation may look up the
    /// objects they reference in bulk (one store query per page instead of one per reference).
    /// </summary>
    IReadOnlyList<StixObject?> ForReader(Principal principal, IReadOnlyList<StixObject> objects)
    {
        var shown = new StixObject?[objects.Count];
        for (var i = 0; i < objects.Count; i++)
            shown[i] = ForReader(principal, objects[i]);
        return shown;
    }

    /// <summary>Whether the principal may read from a collection (null collection: the whole store).</summary>
    bool CanReadCollection(Principal principal, string? collectionId);

    bool CanWriteCollection(Principal principal, string? collectionId);
}
