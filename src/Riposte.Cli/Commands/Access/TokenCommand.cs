using System.CommandLine;
using System.Globalization;
using Riposte.Access;

namespace Riposte.Cli.Commands.Access;

/// <summary><c>riposte token …</c>: API tokens for TAXII clients and scripts (shown once, stored hashed).</summary>
public static class TokenCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("token", "API tokens: shown once, stored hashed, expiring, revocable");
        command.Subcommands.Add(New(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(Revoke(globals));
        return command;
    }

    private static Command New(CliGlobals globals)
    {
        var user = new Argument<string>("user") { Description = "The user's id or name" };
        var name = new Option<string>("--name") { Description = "What the token is for", DefaultValueFactory = _ => "api" };
        var days = new Option<int?>("--days") { Description = "Expires after this many days (default: 90; 0 = never)" };
        var command = new Command("create", "Create a token; its secret is printed once and never again") { user, name, days };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var userId = UserCommand.Resolve(node.Get<UserService>(), parse.GetValue(user)!);
            var lifetime = parse.GetValue(days) ?? 90;
            if (lifetime < 0)
                throw new CliException("--days must be 0 (never expires) or more");
            DateTimeOffset? expires = lifetime == 0 ? null : DateTimeOffset.UtcNow.AddDays(lifetime);
            var created = node.Get<TokenService>().Create(Principal.System, userId, parse.GetValue(name)!, expires);
            globals.Console.Out.MarkupLineInterpolated($"token {created.Token.Id} ({created.Token.Name}), expires {(expires?.ToString("u", CultureInfo.InvariantCulture) ?? "never")}");
            globals.Console.Out.MarkupLine("[yellow]Copy the secret now; it is not shown again:[/]");
            globals.Console.Out.WriteLine(created.Secret);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var user = new Argument<string>("user") { Description = "The user's id or name" };
        var command = new Command("list", "List a user's tokens (never their secrets)") { user };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var userId = UserCommand.Resolve(node.Get<UserService>(), parse.GetValue(user)!);
            var table = new Table().AddColumns("id", "name", "created", "expires", "revoked", "last used");
            static string T(DateTimeOffset? t) => t?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
            foreach (var token in node.Get<TokenService>().List(userId))
                table.AddRow(token.Id, Markup.Escape(token.Name), T(token.Created), T(token.Expires), T(token.Revoked), T(token.LastUsed));
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliGlobals globals)
    {
        var id = new Argument<string>("id") { Description = "The token's id" };
        var command = new Command("revoke", "Revoke a token at once") { id };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            if (!node.Get<TokenService>().Revoke(Principal.System, parse.GetValue(id)!))
                throw new CliException($"no active token '{parse.GetValue(id)}'");
            globals.Console.Out.MarkupLine("revoked");
            return ExitCodes.Ok;
        });
        return command;
    }
}
