using System.Globalization;
using System.Text.Json;
using Preau.Core.Rights;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau roles …</c>: the school's ENT roles.</summary>
internal static class RoleCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int List(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var roles = runtime.Rights.Roles(args.Option("uai"));
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(roles.Select(r => new { r.Uai, Role = r.Role.ToString(), r.RoleLabel, r.Login, r.AssignedBy, r.AssignedAt }), Json));
            return 0;
        }

        foreach (var r in roles)
        {
            output.WriteLine($"{r.Uai,-10} {r.RoleLabel,-34} {r.Login,-24} désigné par {r.AssignedBy} le {r.AssignedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        output.WriteLine($"{roles.Count} rôle(s) ; rôles possibles : {string.Join(", ", Enum.GetValues<EntRole>().Select(r => $"{r} ({RightsLabels.Of(r)})"))}");
        return 0;
    }

    public static int Assign(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login");
        var role = RightsService.ParseRole(args.Required(1, "role (AdministrateurEnt, ReferentNumerique, PersonneRessourceNumerique)"));
        var added = runtime.Rights.AssignRole(login, role, args.Option("uai"), CliApp.Actor);
        output.WriteLine(added ? $"{login} : {RightsLabels.Of(role)}" : $"{login} était déjà {RightsLabels.Of(role)}");
        return 0;
    }

    public static int Unassign(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var login = args.Required(0, "login");
        var role = RightsService.ParseRole(args.Required(1, "role"));
        runtime.Rights.UnassignRole(login, role, args.Option("uai"), CliApp.Actor);
        output.WriteLine($"{login} n'est plus {RightsLabels.Of(role)}");
        return 0;
    }
}
