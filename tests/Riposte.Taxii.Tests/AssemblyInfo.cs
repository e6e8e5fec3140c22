// One node for the whole assembly: starting Kestrel and SQLite per test class would cost more than the tests.
// Tests keep out of each other's way with fresh ids and, where contents matter, fresh collections.
[assembly: AssemblyFixture(typeof(Riposte.Taxii.Tests.Support.TaxiiHost))]
