using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Rights;
using Preau.Web.Sessions;

namespace Preau.Web.Admin;

/// <summary><c>/api/admin/accounts</c>: search, create, suspend, reactivate, reset a password. Every endpoint
/// requires <see cref="CoreRights.AdminAccounts"/>; every change is audited by Core.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder admin, AccountAdministration accounts, DirectoryService directory, SessionStore sessions)
    {
        var group = admin.MapGroup("/accounts").RequireRight(CoreRights.AdminAccounts);
        group.MapGet("", (string? q, string? profile, string? state, string? @class, string? offset, string? limit) =>
        {
            Profile? p = null;
            AccountState? s = null;
            if (!string.IsNullOrWhiteSpace(profile))
            {
                if (ParseEnum<Profile>(profile) is not { } parsed)
                {
                    return ApiResults.BadRequest($"Profil inconnu « {profile} » ; valeurs possibles : {string.Join(", ", Enum.GetNames<Profile>())}.");
                }

                p = parsed;
            }

            if (!string.IsNullOrWhiteSpace(state))
            {
                if (ParseEnum<AccountState>(state) is not { } parsed)
                {
                    return ApiResults.BadRequest($"État inconnu « {state} » ; valeurs possibles : {string.Join(", ", Enum.GetNames<AccountState>())}.");
                }

                s = parsed;
            }

            var skip = 0;
            var take = 50;
            if ((offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
                || (limit is not null && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take)))
            {
                return ApiResults.BadRequest($"« offset » et « limit » sont des nombres (limit de 1 à {AccountAdministration.MaxLimit}).");
            }

            return Change(() =>
            {
                var page = accounts.Search(new AccountQuery(q, p, s, @class, skip, take));
                return Results.Json(new { page.Total, Offset = skip, Items = page.Items.Select(r => Dto(directory, r.Account, r.Classes)) });
            });
        });

        group.MapPost("", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<CreateRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            if (ParseEnum<Profile>(body!.Profile) is not { } profile)
            {
                return ApiResults.BadRequest($"Indiquez « profile » : {string.Join(", ", Enum.GetNames<Profile>())}.");
            }

            var function = StaffFunction.None;
            if (!string.IsNullOrWhiteSpace(body.Function))
            {
                if (ParseEnum<StaffFunction>(body.Function) is not { } parsed)
                {
                    return ApiResults.BadRequest($"Fonction inconnue « {body.Function} » ; valeurs possibles : {string.Join(", ", Enum.GetNames<StaffFunction>())}.");
                }

                function = parsed;
            }

            return Change(() =>
            {
                var created = accounts.Create(new NewAccount(body.Login, body.FirstName ?? "", body.LastName ?? "", profile, function), AdminEndpoints.Actor(context));
                var graph = directory.Graph;
                return Results.Json(
                    new { Account = Dto(directory, created.Account, AccountAdministration.ClassesOf(graph, created.Account)), created.InitialPassword },
                    statusCode: StatusCodes.Status201Created);
            });
        });

        group.MapPost("/{login}/suspend", (HttpContext context, string login) => Change(() =>
        {
            var target = accounts.Require(login);
            if (target.Id == context.GetCaller()!.Id)
            {
                return ApiResults.BadRequest("Vous ne pouvez pas suspendre votre propre compte.");
            }

            var suspended = accounts.Suspend(target.Login, AdminEndpoints.Actor(context));
            sessions.DropAccount(suspended.Id);
            return Results.Json(Dto(directory, suspended, AccountAdministration.ClassesOf(directory.Graph, suspended)));
        }));

        group.MapPost("/{login}/reactivate", (HttpContext context, string login) => Change(() =>
        {
            var account = accounts.Reactivate(login, AdminEndpoints.Actor(context));
            return Results.Json(Dto(directory, account, AccountAdministration.ClassesOf(directory.Graph, account)));
        }));

        group.MapPost("/{login}/reset-password", (HttpContext context, string login) => Change(() =>
        {
            var target = accounts.Require(login);
            var password = accounts.ResetPassword(target.Login, AdminEndpoints.Actor(context));
            if (target.Id != context.GetCaller()!.Id)
            {
                sessions.DropAccount(target.Id);
            }

            return Results.Json(new { Password = password });
        }));
    }

    /// <summary>An account row as the API shows it.</summary>
    internal static object Dto(DirectoryService directory, Account a, IReadOnlyList<string> classes) => new
    {
        a.Login,
        Address = directory.AddressOf(a),
        a.DisplayName,
        a.FirstName,
        a.LastName,
        Profile = a.Profile.ToString(),
        ProfileLabel = RightsLabels.Of(a.Profile),
        Function = a.Function.ToString(),
        State = a.State.ToString(),
        StateLabel = StateLabel(a.State),
        HasPassword = a.PasswordHash is not null,
        Classes = classes,
    };

    private static string StateLabel(AccountState state) => state switch
    {
        AccountState.Active => "opérationnel",
        AccountState.Suspended => "suspendu",
        AccountState.NotActivated => "non activé",
        AccountState.Left => "sorti de l'établissement",
        _ => state.ToString(),
    };

    private static T? ParseEnum<T>(string? text)
        where T : struct, Enum
    {
        var trimmed = (text ?? "").Trim();
        return trimmed.Length > 0 && char.IsAsciiLetter(trimmed[0]) && Enum.TryParse<T>(trimmed, true, out var value) && Enum.IsDefined(value) ? value : null;
    }

    private static IResult Change(Func<IResult> change)
    {
        try
        {
            return change();
        }
        catch (DirectoryException ex)
        {
            return ex.NotFound ? ApiResults.NotFound(ex.Message) : ApiResults.BadRequest(ex.Message);
        }
    }

    private sealed record CreateRequest(string? Login, string? FirstName, string? LastName, string? Profile, string? Function);
}
