using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Taxonomy;
using Riposte.Web;

namespace Riposte.Cli;

/// <summary>What every store holds from the start: the node's identity, the TLP marking definitions and DISARM.</summary>
public static class BuiltIns
{
    public sealed record Summary(string NodeOrganizationId, int MarkingsAdded, DisarmLoadSummary Disarm);

    public static Summary Load(IStixStore store)
    {
        var node = NodeIdentity.Ensure(store);
        IReadOnlyList<StixObject> markings = [TlpMarkings.Tlp2ExtensionDefinition(), .. TlpMarkings.Tlp2Definitions(), .. TlpMarkings.Tlp1Definitions()];
        var added = store.Put(markings).Count(o => o == WriteOutcome.Added);
        var disarm = DisarmLoader.LoadInto(store);
        return new Summary(node, added, disarm);
    }
}
