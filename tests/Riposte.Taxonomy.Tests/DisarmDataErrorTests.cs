namespace Riposte.Taxonomy.Tests;

/// <summary>A DISARM export with a fault is refused with a message naming the file, line and column.</summary>
public sealed class DisarmDataErrorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "riposte-disarm-" + Guid.NewGuid().ToString("N"));

    public DisarmDataErrorTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Repository, "src", "Riposte.Taxonomy", "Data")))
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_UnchangedCopy_LoadsWithGivenVersion()
    {
        // Act
        var framework = DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "test copy"));

        // Assert
        Assert.Equal("test copy", framework.Version);
        Assert.Equal(391, framework.Techniques.Count);
    }

    [Fact]
    public void Load_UnknownTacticInCounters_NamesFileLineAndColumn()
    {
        // Arrange: the first data row (line 2) of counters.csv gets a tactic that does not exist.
        Rewrite("counters.csv", text => ReplaceFirst(text, ",TA01,Plan Strategy,TA01 Strategic Planning,M004,", ",TA99,Plan Strategy,TA01 Strategic Planning,M004,"));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("counters.csv line 2, column 'tactic_id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TA99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadRank_NamesFileLineAndColumn()
    {
        // Arrange
        Rewrite("phases.csv", text => ReplaceFirst(text, "P02,Prepare,2,", "P02,Prepare,two,"));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("phases.csv line 3, column 'rank': 'two' is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingColumn_NamesFileAndColumn()
    {
        // Arrange
        Rewrite("tactics.csv", text => ReplaceFirst(text, "stix_id", "stixid"));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("tactics.csv line 1: missing column(s) stix_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownParentTechnique_NamesFileAndLine()
    {
        // Arrange
        Rewrite("techniques.csv", text => ReplaceFirst(text, "T0049.001,Trolls Amplify and Manipulate,T0049,", "T0049.001,Trolls Amplify and Manipulate,T0048,"));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("techniques.csv line 45, column 'parent_id': 'T0048' is not the parent of T0049.001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SubtechniqueMissingItsParent_NamesFileLineAndParent()
    {
        // Arrange: T0049 (line 44) renamed away, so its sub-techniques point at nothing.
        Rewrite("techniques.csv", text => ReplaceFirst(text, "\nT0049,Flood Information Space,", "\nT0949,Flood Information Space,"));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("techniques.csv line 45, column 'parent_id': parent technique 'T0049' is not in the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StixIdNotInBundle_NamesFileLineAndId()
    {
        // Arrange
        Rewrite("tactics.csv", text => ReplaceFirst(text, "x-mitre-tactic--b03163eb-7e81-4fed-9819-641bf7c99507", "x-mitre-tactic--00000000-7e81-4fed-9819-641bf7c99507"));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("tactics.csv line 2, column 'stix_id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not in DISARM.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedQuote_ReportsMalformedCsvWithLine()
    {
        // Arrange
        Rewrite("metatechniques.csv", text => text + "M999,Broken,\"never closed\n");

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("metatechniques.csv line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJsonBundle_NamesFileAndLine()
    {
        // Arrange
        Rewrite("DISARM.json", text => text.Insert(text.IndexOf("\"objects\"", StringComparison.Ordinal), "oops "));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("DISARM.json line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        // Arrange
        File.Delete(Path.Combine(_dir, "responsetypes.csv"));

        // Act
        var error = Assert.Throws<DisarmDataException>(() => DisarmFramework.Load(DisarmDataSource.FromDirectory(_dir, "x")));

        // Assert
        Assert.Contains("responsetypes.csv: file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_Assembly_CarriesDataAndLicence()
    {
        // Act
        var names = typeof(DisarmFramework).Assembly.GetManifestResourceNames();

        // Assert
        foreach (var file in new[] { "DISARM.json", "counters.csv", "LICENSE-CC-BY-SA-4.0.txt", "LICENSE-NOTE.md", "NOTICE.md" })
            Assert.Contains("Riposte.Taxonomy.Data." + file, names);
    }

    private void Rewrite(string file, Func<string, string> change)
    {
        var path = Path.Combine(_dir, file);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"test data no longer contains '{find}'");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
