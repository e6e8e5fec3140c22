namespace Riposte.Cli;

/// <summary>What the command's exit status means, the same for every subcommand.</summary>
public static class ExitCodes
{
    /// <summary>Everything went well.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, but some input was rejected (each rejection was reported).</summary>
    public const int SomeRejected = 1;

    /// <summary>Wrong usage or a broken environment (missing file, unreadable store...): nothing was done.</summary>
    public const int UsageOrEnvironment = 2;
}
