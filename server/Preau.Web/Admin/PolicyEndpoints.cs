using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Graph;
using Preau.Core.Policy;
using Preau.Core.Rights;

namespace Preau.Web.Admin;

/// <summary><c>/api/admin/policy</c>: the sending policy in force and its switches. Rules, list rules and
/// rate limits are replaced whole (PUT) or brought back to the configuration (DELETE); each change is
/// validated (400 naming the row and the unknown word), saved, applied to the next recipient checked and
/// audited. Every endpoint requires <see cref="CoreRights.AdminPolicy"/>; each answers with the whole
/// policy document, as GET does.</summary>
internal static class PolicyEndpoints
{
    private const int MaxBody = 256 * 1024;

    public static void Map(RouteGroupBuilder admin, PolicyService policy, DirectoryService directory)
    {
        var group = admin.MapGroup("/policy").RequireRight(CoreRights.AdminPolicy);
        group.MapGet("", () => Results.Json(Document(policy, directory.Graph)));

        group.MapPut("/external", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ExternalRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            if (body!.Open is not { } open)
            {
                return ApiResults.BadRequest("Indiquez « open » : true pour ouvrir l'écriture vers l'extérieur, false pour la fermer.");
            }

            var graph = directory.Graph;
            var actor = AdminEndpoints.Actor(context);
            switch ((body.Scope ?? "").Trim().ToLowerInvariant())
            {
                case "all":
                    policy.SetExternalForAllPupils(open, actor);
                    break;
                case "level":
                    var level = graph.Data.Levels.FirstOrDefault(l => string.Equals(l.Code, body.Code?.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (level is null)
                    {
                        return ApiResults.BadRequest($"Niveau inconnu « {body.Code} » ; niveaux : {string.Join(", ", graph.Data.Levels.OrderBy(l => l.Order).Select(l => l.Code))}.");
                    }

                    policy.SetExternalForLevel(level.Code, open, actor);
                    break;
                case "class":
                    if (string.IsNullOrWhiteSpace(body.Code) || graph.FindStructure(body.Code.Trim()) is not { Kind: StructureKind.Class } structure)
                    {
                        return ApiResults.BadRequest($"Classe inconnue « {body.Code} » (l'ouverture se fait par classe, pas par groupe).");
                    }

                    policy.SetExternalForClass(structure.Code, open, actor);
                    break;
                default:
                    return ApiResults.BadRequest("« scope » vaut « all » (tous les élèves), « level » ou « class » (avec « code »).");
            }

            return Results.Json(Document(policy, graph));
        });

        group.MapPut("/emergency-stop", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<StopRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            if (body!.Stopped is not { } stopped)
            {
                return ApiResults.BadRequest("Indiquez « stopped » : true pour arrêter tout envoi des élèves, false pour le rétablir.");
            }

            policy.SetPupilSendingStopped(stopped, AdminEndpoints.Actor(context));
            return Results.Json(Document(policy, directory.Graph));
        });

        group.MapPut("/rules", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<RuleInput?[]>(context.Request, MaxBody);
            return error ?? Change(policy, directory, () => policy.SetRules(PolicyInputParser.Rules(body), AdminEndpoints.Actor(context)));
        });

        group.MapPut("/list-rules", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ListRuleInput?[]>(context.Request, MaxBody);
            return error ?? Change(policy, directory, () => policy.SetListRules(PolicyInputParser.ListRules(body), AdminEndpoints.Actor(context)));
        });

        group.MapPut("/rate-limits", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<RateLimitInput?[]>(context.Request, MaxBody);
            return error ?? Change(policy, directory, () => policy.SetRateLimits(PolicyInputParser.RateLimits(body), AdminEndpoints.Actor(context)));
        });

        group.MapDelete("/rules", (HttpContext context) => Change(policy, directory, () => policy.ResetRules(AdminEndpoints.Actor(context))));
        group.MapDelete("/list-rules", (HttpContext context) => Change(policy, directory, () => policy.ResetListRules(AdminEndpoints.Actor(context))));
        group.MapDelete("/rate-limits", (HttpContext context) => Change(policy, directory, () => policy.ResetRateLimits(AdminEndpoints.Actor(context))));
    }

    private static IResult Change(PolicyService policy, DirectoryService directory, Action change)
    {
        try
        {
            change();
            return Results.Json(Document(policy, directory.Graph));
        }
        catch (PolicyException ex)
        {
            return ex.NotFound ? ApiResults.NotFound(ex.Message) : ApiResults.BadRequest(ex.Message);
        }
    }

    /// <summary>The whole policy: what is in force, what is overridden, and the vocabulary a rule may use.</summary>
    private static object Document(PolicyService policy, EstablishmentGraph graph)
    {
        var settings = policy.Settings;
        var state = policy.State;
        var overrides = policy.Overrides;
        return new
        {
            settings.MaxRecipients,
            Rules = settings.Rules.Select(PolicyInputParser.ToInput),
            ListRules = settings.ListRules.Select(PolicyInputParser.ToInput),
            RateLimits = PolicyInputParser.ToInput(settings.RateLimits),
            Overridden = new { Rules = overrides.Rules is not null, ListRules = overrides.ListRules is not null, RateLimits = overrides.RateLimits is not null },
            state.PupilSendingStopped,
            External = new { AllPupils = state.ExternalOpenForAllPupils, Levels = state.ExternalOpenLevels, Classes = state.ExternalOpenClasses },
            LevelsAvailable = graph.Data.Levels.OrderBy(l => l.Order).Select(l => new { l.Code, l.Name }),
            ClassesAvailable = graph.Data.Structures.Where(s => s.Kind == StructureKind.Class).OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new { s.Code, s.Name, Level = s.LevelCode }),
            Vocabulary = new
            {
                Profiles = PolicyInputParser.NamesOf<Profile>(),
                Functions = PolicyInputParser.NamesOf<StaffFunction>(),
                Relations = PolicyInputParser.NamesOf<Relation>(),
                ListKinds = PolicyInputParser.NamesOf<ListKind>(),
                Scopes = PolicyInputParser.NamesOf<ListScope>(),
            },
        };
    }

    private sealed record ExternalRequest(string? Scope, string? Code, bool? Open);

    private sealed record StopRequest(bool? Stopped);
}
