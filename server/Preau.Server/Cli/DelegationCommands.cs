using System.Globalization;
using System.Text.Json;
using Preau.Core.Rights;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau delegation …</c>: delegated administration to an académie support account.</summary>
internal static class DelegationCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int Grant(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login");
        DateTimeOffset? until = null;
        if (args.Option("until") is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CliException($"--until takes a date yyyy-mm-dd, not '{text}'");
            }

            until = runtime.Rights.EndOfDay(date);
        }

        var delegation = runtime.Rights.GrantDelegation(login, until, CliApp.Actor);
        output.WriteLine($"{delegation.Login} administre l'établissement par délégation {Until(runtime, delegation)}");
        return 0;
    }

    public static int Revoke(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login");
        runtime.Rights.RevokeDelegation(login, CliApp.Actor);
        output.WriteLine($"délégation de {login} retirée : ses droits d'administration cessent à l'instant");
        return 0;
    }

    public static int List(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var delegations = runtime.Rights.Delegations;
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(delegations.Select(d => new { d.Login, d.GrantedBy, d.GrantedAt, d.Until, Active = runtime.Rights.IsActive(d) }), Json));
            return 0;
        }

        foreach (var d in delegations)
        {
            var state = runtime.Rights.IsActive(d) ? "active" : "expirée";
            output.WriteLine($"{d.Login,-24} {state,-8} {Until(runtime, d)}, accordée par {d.GrantedBy} le {d.GrantedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        }

        output.WriteLine($"{delegations.Count} délégation(s)");
        return 0;
    }

    private static string Until(PreauRuntime runtime, Delegation d) =>
        d.Until is { } until ? $"jusqu'au {runtime.Rights.EndText(until)}" : "sans date de fin";
}
