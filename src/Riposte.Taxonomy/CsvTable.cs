using System.Globalization;
using CsvHelper;

namespace Riposte.Taxonomy;

/// <summary>A whole CSV file (RFC 4180, header row) read into rows that remember their line numbers for error messages.</summary>
internal sealed class CsvTable
{
    private CsvTable(string source, IReadOnlyList<CsvRow> rows)
    {
        Source = source;
        Rows = rows;
    }

    public string Source { get; }
    public IReadOnlyList<CsvRow> Rows { get; }

    public static CsvTable Read(DisarmDataSource data, string fileName, params string[] requiredColumns)
    {
        var source = data.Describe(fileName);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var stream = data.Open(fileName);
        using var csv = CsvReader.Create(stream, options);
        try
        {
            var header = csv.Headers.ToArray();
            if (header.Length == 0)
                throw new DisarmDataException($"{source}: empty file, expected a header row");
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
                columns[header[i]] = i;
            var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
                throw new DisarmDataException($"{source} line 1: missing column(s) {string.Join(", ", missing)}");

            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                var record = new string[csv.FieldCount];
                for (var i = 0; i < record.Length; i++)
                    record[i] = csv.GetString(i);
                rows.Add(new CsvRow(source, (int)csv.LineNumber, columns, record));
            }
            return new CsvTable(source, rows);
        }
        catch (CsvFormatException e)
        {
            throw new DisarmDataException($"{source} line {e.LineNumber}: malformed CSV ({e.Message})", e);
        }
    }
}

/// <summary>One CSV record. Empty string means "no value", as the DISARM CSVs define.</summary>
internal sealed class CsvRow(string source, int line, IReadOnlyDictionary<string, int> columns, string[] fields)
{
    public int Line { get; } = line;

    public string Where(string column) => $"{source} line {Line}, column '{column}'";

    public string Get(string column) => fields[columns[column]];

    public string Required(string column)
    {
        var value = Get(column);
        return value.Length > 0 ? value : throw new DisarmDataException($"{Where(column)}: value required");
    }

    public string? Optional(string column) => Get(column) is { Length: > 0 } value ? value : null;

    public int Int(string column)
    {
        var value = Get(column);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new DisarmDataException($"{Where(column)}: '{value}' is not a whole number");
    }

    public bool? OptionalBool(string column) => Get(column) switch
    {
        "true" => true,
        "false" => false,
        "" => null,
        var other => throw new DisarmDataException($"{Where(column)}: '{other}' is not true/false"),
    };

    public bool Bool(string column) => OptionalBool(column) ?? throw new DisarmDataException($"{Where(column)}: value required (true/false)");

    /// <summary>A <c>;</c>-separated id list.</summary>
    public IReadOnlyList<string> List(string column) =>
        Get(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A space-separated word list (counter tags).</summary>
    public IReadOnlyList<string> Words(string column) =>
        Get(column).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
