using System.Text.Json;
using Preau.Core.Rights;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau rights …</c>: the services matrix, its changes and a check.</summary>
internal static class RightsCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int Show(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var service = args.Positionals.Count > 0 ? args.Positionals[0] : null;
        var matrix = runtime.Rights.Matrix(service);
        if (service is not null && matrix.Count == 0)
        {
            throw new RightsException($"aucun service « {service} » (services : {string.Join(", ", runtime.Rights.Matrix().Select(s => s.Id))})") { NotFound = true };
        }

        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(matrix.Select(s => new
            {
                s.Id,
                s.Label,
                s.Owner,
                s.Installed,
                Actions = s.Actions.Select(a => new
                {
                    a.Right,
                    a.Action.Label,
                    Granted = a.Grants.Where(g => g.Granted).Select(g => g.Grantee.ToString()),
                    Overridden = a.Grants.Where(g => g.Overridden).Select(g => g.Grantee.ToString()),
                }),
            }), Json));
            return 0;
        }

        foreach (var s in matrix)
        {
            var origin = s.Installed ? $"déclaré par {s.Owner}" : "décision de l'établissement, en attente de son extension";
            output.WriteLine($"{s.Id} : {s.Label} ({origin})");
            foreach (var a in s.Actions)
            {
                output.WriteLine($"  {a.Right,-38} {a.Action.Label}");
                var granted = a.Grants.Where(g => g.Granted).Select(g => g.Grantee + (g.Overridden ? "*" : "")).ToArray();
                var withdrawn = a.Grants.Where(g => g.Overridden && !g.Granted).Select(g => g.Grantee.ToString()).ToArray();
                output.WriteLine($"  {"",-38} accordé à : {(granted.Length == 0 ? "personne" : string.Join(", ", granted))}");
                if (withdrawn.Length > 0)
                {
                    output.WriteLine($"  {"",-38} retiré par l'administrateur : {string.Join(", ", withdrawn)}");
                }
            }

            output.WriteLine();
        }

        output.WriteLine("* : accordé par l'administrateur (pas par défaut). preau rights grant|revoke|reset <droit> <profile:X|function:Y|account:login>");
        return 0;
    }

    public static int Grant(PreauRuntime runtime, CliArgs args, TextWriter output) => Set(runtime, args, output, granted: true);

    public static int Revoke(PreauRuntime runtime, CliArgs args, TextWriter output) => Set(runtime, args, output, granted: false);

    public static int Reset(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var right = args.Required(0, "right (service.action)");
        var grantee = Grantee.Parse(args.Required(1, "grantee (profile:X, function:Y or account:login)"));
        var changed = runtime.Rights.ResetGrant(right, grantee, CliApp.Actor);
        output.WriteLine(changed ? $"{right} : {grantee.Label} revient au défaut" : $"{right} : {grantee.Label} était déjà au défaut");
        return 0;
    }

    public static int Check(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login");
        var right = args.Required(1, "right (service.action)");
        var account = runtime.Directory.Find(login) ?? throw new RightsException($"aucun compte « {login} »") { NotFound = true };
        var decision = runtime.Rights.Check(account, right);
        output.WriteLine($"{(decision.Allowed ? "autorisé" : "refusé")} : {decision.Reason}");
        return decision.Allowed ? 0 : 1;
    }

    private static int Set(PreauRuntime runtime, CliArgs args, TextWriter output, bool granted)
    {
        var right = args.Required(0, "right (service.action)");
        var grantee = Grantee.Parse(args.Required(1, "grantee (profile:X, function:Y or account:login)"));
        var changed = runtime.Rights.SetGrant(right, grantee, granted, CliApp.Actor);
        var what = granted ? "accordé à" : "retiré à";
        output.WriteLine(changed ? $"{right} {what} {grantee.Label}" : $"{right} était déjà {what} {grantee.Label}");
        return 0;
    }
}
