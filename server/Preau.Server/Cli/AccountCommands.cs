using System.Security.Cryptography;
using System.Text.Json;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau account …</c>.</summary>
internal static class AccountCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int List(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var graph = runtime.Directory.Graph;
        IEnumerable<Account> accounts = graph.Data.Accounts.OrderBy(a => a.Profile).ThenBy(a => a.Login, StringComparer.Ordinal);
        if (args.Option("profile") is { } profile)
        {
            var p = CliArgs.ParseEnum<Profile>(profile, "profile");
            accounts = accounts.Where(a => a.Profile == p);
        }

        if (args.Option("state") is { } state)
        {
            var s = CliArgs.ParseEnum<AccountState>(state, "state");
            accounts = accounts.Where(a => a.State == s);
        }

        if (args.Option("class") is { } code)
        {
            var structure = graph.FindStructure(code) ?? throw new CliException($"no class or group '{code}'");
            var members = graph.PupilsOf(structure.Code).Concat(graph.TeachersOf(structure.Code)).ToHashSet(StringComparer.Ordinal);
            accounts = accounts.Where(a => members.Contains(a.Id));
        }

        var rows = accounts.Select(a => Row(runtime, graph, a)).ToArray();
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(rows, Json));
            return 0;
        }

        output.WriteLine($"{"LOGIN",-28} {"ADDRESS",-44} {"PROFILE",-17} {"FUNCTION",-15} {"STATE",-12} CLASSES/GROUPS");
        foreach (var r in rows)
        {
            output.WriteLine($"{r.Login,-28} {r.Address,-44} {r.Profile,-17} {r.Function,-15} {r.State,-12} {string.Join(' ', r.Classes.Concat(r.Groups))}");
        }

        output.WriteLine($"{rows.Length} accounts");
        return 0;
    }

    public static int Add(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login").ToLowerInvariant();
        var profile = CliArgs.ParseEnum<Profile>(args.Option("profile") ?? throw new CliException("missing --profile"), "profile");
        var function = args.Option("function") is { } f ? CliArgs.ParseEnum<StaffFunction>(f, "function") : StaffFunction.None;
        var first = args.Option("first") ?? "";
        var last = args.Option("last") ?? "";
        var display = args.Option("name") ?? (first.Length + last.Length > 0 ? $"{first} {last}".Trim() : login);
        var generated = args.Option("password") is null;
        var password = args.Option("password") ?? NewPassword();
        var uai = args.Option("uai") ?? runtime.Directory.Graph.Data.Establishments.FirstOrDefault()?.Uai ?? "0000000A";
        var structure = args.Option("class") is { } code
            ? runtime.Directory.Graph.FindStructure(code) ?? throw new CliException($"no class or group '{code}'")
            : null;
        var account = runtime.Directory.AddAccount(
            new Account
            {
                Id = "acc-" + Guid.CreateVersion7().ToString("N")[..20],
                Login = login,
                FirstName = first,
                LastName = last,
                DisplayName = display,
                Profile = profile,
                Function = function,
                Uai = uai,
            },
            password,
            CliApp.Actor);
        if (structure is not null)
        {
            var data = new GraphData { Accounts = [account] };
            data = profile == Profile.Eleve
                ? data with { Memberships = [new StructureMembership(account.Id, structure.Code)] }
                : data with { Teachings = [new Teaching(account.Id, "", structure.Code)] };
            runtime.Directory.Import(data, CliApp.Actor);
        }

        output.WriteLine($"created {account.Login} <{runtime.Directory.AddressOf(account)}> ({account.Profile})");
        if (generated)
        {
            output.WriteLine($"password: {password}");
        }

        return 0;
    }

    public static int Suspend(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var account = runtime.Directory.SetState(args.Required(0, "login"), AccountState.Suspended, CliApp.Actor);
        output.WriteLine($"{account.Login} suspended: it can no longer log in or send, and mail to it is refused");
        return 0;
    }

    public static int Reactivate(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var account = runtime.Directory.SetState(args.Required(0, "login"), AccountState.Active, CliApp.Actor);
        output.WriteLine($"{account.Login} reactivated");
        return 0;
    }

    public static int Passwd(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login");
        var password = args.Option("password");
        var generated = false;
        if (password is null && Console.IsInputRedirected)
        {
            password = Console.In.ReadLine()?.TrimEnd('\r', '\n');
        }

        if (string.IsNullOrEmpty(password))
        {
            password = NewPassword();
            generated = true;
        }

        var account = runtime.Directory.SetPassword(login, password, CliApp.Actor);
        output.WriteLine($"password of {account.Login} changed");
        if (generated)
        {
            output.WriteLine($"password: {password}");
        }

        return 0;
    }

    public static int Notify(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var address = args.Required(1, "address (or none)");
        var clear = address.Equals("none", StringComparison.OrdinalIgnoreCase);
        if (!clear && (Core.Policy.SendingPolicy.SplitAddress(address) is null || runtime.SendingPolicy.IsLocal(address)))
        {
            throw new CliException($"'{address}' is not an outside address");
        }

        var account = runtime.Directory.SetNotificationAddress(args.Required(0, "login"), clear ? null : address, CliApp.Actor);
        output.WriteLine(account.NotificationAddress is null
            ? $"{account.Login}: no notifications"
            : $"{account.Login}: new mail is announced to {account.NotificationAddress}");
        return 0;
    }

    private static AccountRow Row(PreauRuntime runtime, EstablishmentGraph graph, Account a)
    {
        var structures = a.Profile == Profile.Eleve ? graph.StructuresOf(a.Id) : graph.TaughtBy(a.Id);
        var kinds = structures.Select(graph.FindStructure).OfType<Structure>().OrderBy(s => s.Code, StringComparer.Ordinal).ToArray();
        return new AccountRow(
            a.Login,
            runtime.Directory.AddressOf(a),
            a.DisplayName,
            a.Profile.ToString(),
            a.Function.ToString(),
            a.State.ToString(),
            kinds.Where(s => s.Kind == StructureKind.Class).Select(s => s.Code).ToArray(),
            kinds.Where(s => s.Kind == StructureKind.Group).Select(s => s.Code).ToArray());
    }

    private static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);

    private sealed record AccountRow(string Login, string Address, string DisplayName, string Profile, string Function, string State, string[] Classes, string[] Groups);
}
