namespace Riposte.Cli;

/// <summary>Where the store lives: <c>--db</c>, else <c>RIPOSTE_DB</c>, else a file in the user's data folder.</summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "RIPOSTE_DB";

    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
            return option;
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        var dataHome = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(dataHome))
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "riposte", "riposte.db");
    }
}
