namespace Riposte.Taxonomy;

/// <summary>The DISARM data is missing or malformed. The message names the file, line and column.</summary>
public sealed class DisarmDataException : Exception
{
    public DisarmDataException(string message)
        : base(message)
    {
    }

    public DisarmDataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
