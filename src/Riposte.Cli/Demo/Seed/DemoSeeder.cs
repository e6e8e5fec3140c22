using Riposte.Access;
using Riposte.Stix.Json;
using Riposte.Storage;
using Riposte.Storage.Import;

namespace Riposte.Cli.Seeding;

/// <summary>
/// Puts a generated data set into a node: registers its organisations (members and partners) and
/// imports the objects in bulk through the store's importer, which validates every one.
/// </summary>
public static class DemoSeeder
{
    public static async Task<ImportSummary> SeedAsync(IStixStore store, OrganizationService organisations, DemoSeedData data, CancellationToken cancellationToken = default)
    {
        foreach (var (id, name, tier) in data.Organisations)
        {
            if (organisations.Get(id) is null)
                organisations.Register(Principal.System, id, name, tier);
        }
        using var bundle = new MemoryStream();
        using (var writer = new StixBundleWriter(bundle))
        {
            foreach (var obj in data.Objects)
                writer.Write(obj);
            writer.Complete();
        }
        bundle.Position = 0;
        return await new StixImporter(store).ImportAsync(bundle, "demo-seed", cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
