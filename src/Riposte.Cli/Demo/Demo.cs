using Riposte.Storage;
using Riposte.Storage.Import;

namespace Riposte.Cli;

/// <summary>The demo scenario (the invented "leaked dam memo" in Nordvale) that <c>serve --demo</c> loads.</summary>
public static class Demo
{
    private const string ResourceName = "Riposte.Cli.Demo.demo-bundle.json";

    public static void Prepare(IStixStore store, CliConsole console)
    {
        var builtIns = BuiltIns.Load(store);
        using var bundle = typeof(Demo).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the demo bundle {ResourceName} is missing from the build");
        var summary = new StixImporter(store).ImportAsync(bundle, "demo-bundle.json").GetAwaiter().GetResult();
        console.Out.MarkupLineInterpolated(
            $"demo: DISARM {builtIns.Disarm.Total} objects, demo scenario {summary.Added} added / {summary.Unchanged} unchanged / {summary.Rejected} rejected");
        foreach (var rejection in summary.Rejections)
            console.Warn($"demo object rejected: {rejection}");
    }
}
