[assembly: AssemblyFixture(typeof(Riposte.Reports.Tests.Support.BuiltReports))]
