// One node per store provider for the whole assembly: starting Kestrel and a store per test class would
// cost more than the tests. Tests keep out of each other's way with fresh ids and, where contents matter,
// fresh collections.
[assembly: AssemblyFixture(typeof(Riposte.Taxii.Tests.Support.TaxiiHost))]
[assembly: AssemblyFixture(typeof(Riposte.Taxii.Tests.Support.PostgresTaxiiHost))]
