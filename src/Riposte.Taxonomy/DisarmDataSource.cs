using System.Reflection;

namespace Riposte.Taxonomy;

/// <summary>Where the DISARM files come from: the copy embedded in this assembly, or a folder holding a newer export.</summary>
public abstract class DisarmDataSource
{
    /// <summary>The DISARM data that ships inside Riposte.Taxonomy (see Data/NOTICE.md).</summary>
    public static DisarmDataSource Embedded { get; } = new EmbeddedSource();

    /// <summary>A folder with the same file names as the embedded data (DISARM.json, tactics.csv, ...).</summary>
    public static DisarmDataSource FromDirectory(string directory, string version) => new DirectorySource(directory, version);

    /// <summary>The release the files are, e.g. <see cref="DisarmText.Version"/>.</summary>
    public abstract string Version { get; }

    /// <summary>Opens one file; throws <see cref="DisarmDataException"/> naming it when it is missing.</summary>
    public abstract Stream Open(string fileName);

    /// <summary>How to name a file in error messages.</summary>
    public abstract string Describe(string fileName);

    private sealed class EmbeddedSource : DisarmDataSource
    {
        private const string Prefix = "Riposte.Taxonomy.Data.";

        public override string Version => DisarmText.Version;

        public override Stream Open(string fileName) =>
            Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + fileName)
            ?? throw new DisarmDataException($"{Describe(fileName)}: embedded resource not found");

        public override string Describe(string fileName) => "embedded Data/" + fileName;
    }

    private sealed class DirectorySource(string directory, string version) : DisarmDataSource
    {
        public override string Version => version;

        public override Stream Open(string fileName)
        {
            var path = Path.Combine(directory, fileName);
            return File.Exists(path) ? File.OpenRead(path) : throw new DisarmDataException($"{path}: file not found");
        }

        public override string Describe(string fileName) => Path.Combine(directory, fileName);
    }
}
