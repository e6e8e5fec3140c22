namespace Riposte.Web.Ui.Tests.Support;

/// <summary>One node for a test class (starting a host per test would dominate the run time).</summary>
public sealed class UiNodeFixture : IAsyncLifetime
{
    public UiNode Node { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Node = await UiNode.StartAsync();

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}
