namespace Riposte.Testing;

/// <summary>Where tests find the repository and the read-only <c>shared/</c> folder beside it (CI clones elsewhere).</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding Riposte.slnx.</summary>
    public static string Repository => Root.Value;

    /// <summary>The shared data folder (<c>../shared</c> beside the repository), or RIPOSTE_SHARED when set.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("RIPOSTE_SHARED") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(Repository, "..", "shared"));

    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string FindRepositoryRoot()
    {
        var stamped = typeof(TestPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RiposteRepositoryRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "Riposte.slnx")))
            return stamped;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Riposte.slnx")))
                return dir.FullName;
        }
        // Built into an artifacts folder outside the tree (RIPOSTE_ARTIFACTS): fall back to the working directory.
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Riposte.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Riposte.slnx) above " + AppContext.BaseDirectory);
    }
}
