using Riposte.Storage.Federation;

namespace Riposte.Federation;

/// <summary>This node's federation id, read once from the repository (made there on first start).</summary>
public sealed class FederationNode(IFederationRepository repository)
{
    private readonly Lazy<string> _id = new(repository.NodeId);

    public string Id => _id.Value;
}
