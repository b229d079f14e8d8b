using Microsoft.AspNetCore.Http;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>Whether an action is allowed, else the HTTP status and the French reason (and the missing
/// right, when it is one).</summary>
/// <param name="Allowed">Whether the caller may do it.</param>
/// <param name="Status">403 (right) or 409 (makes no sense here).</param>
/// <param name="Reason">Why not.</param>
/// <param name="Right">The right missing, if that is the reason.</param>
public sealed record ActionDecision(bool Allowed, int Status = StatusCodes.Status200OK, string Reason = "", string? Right = null)
{
    /// <summary>Allowed.</summary>
    public static ActionDecision Yes { get; } = new(true);

    /// <summary>Writes the refusal: <c>{error, right}</c> with its status.</summary>
    public Task WriteAsync(PluginRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Right is null
            ? request.WriteErrorAsync(Status, Reason)
            : request.WriteJsonAsync(new Dictionary<string, string> { ["error"] = Reason, ["right"] = Right }, Status);
    }
}

/// <summary>What the caller may do on a card, each action with its reason when refused. The rights are
/// checked at each request (the school may change them at any time); the visibility is the
/// <see cref="ActionScope"/>'s. An administrator's account is changed only by callers who also hold
/// <c>administration.accounts</c>: a right of the annuaire granted to the secretariat does not reach
/// the ENT's administrators.</summary>
public sealed class ActionRules(PluginRequest request, ActionScope scope)
{
    /// <summary>The card's action names.</summary>
    public const string Modify = "modify";

    /// <summary>Modify external-services identifiers.</summary>
    public const string External = "external";

    /// <summary>Suspend the account.</summary>
    public const string Suspend = "suspend";

    /// <summary>Reactivate the account.</summary>
    public const string Reactivate = "reactivate";

    /// <summary>See the person's rubriques.</summary>
    public const string Rubriques = "rubriques";

    /// <summary>The actions allowed, in the contract's order.</summary>
    public IReadOnlyList<string> Available()
    {
        var actions = new List<string>();
        var modify = CanModify();
        if (modify.Allowed)
        {
            actions.Add(Modify);
            actions.Add(External);
        }

        if (CanSuspend().Allowed)
        {
            actions.Add(Suspend);
        }

        if (CanReactivate().Allowed)
        {
            actions.Add(Reactivate);
        }

        if (CanSeeRubriques().Allowed)
        {
            actions.Add(Rubriques);
        }

        return actions;
    }

    /// <summary>Modify the card or its outside identifiers: <c>annuaire.modify</c> (one's own card too:
    /// names, but not one's own function, see the PATCH).</summary>
    public ActionDecision CanModify() => Right(AnnuaireService.Modify) ?? AdministratorGuard("modifier") ?? ActionDecision.Yes;

    /// <summary>Suspend: <c>annuaire.suspend</c>, someone else, active or not yet activated.</summary>
    public ActionDecision CanSuspend()
    {
        if ((Right(AnnuaireService.Suspend) ?? AdministratorGuard("suspendre")) is { } refused)
        {
            return refused;
        }

        if (scope.IsSelf)
        {
            return Conflict("Vous ne pouvez pas suspendre votre propre compte.");
        }

        return scope.Person.Status switch
        {
            AccountStatus.Suspended => Conflict("Ce compte est déjà suspendu."),
            AccountStatus.Left => Conflict("Ce compte a quitté l'établissement : il est déjà suspendu."),
            _ => ActionDecision.Yes,
        };
    }

    /// <summary>Reactivate: <c>annuaire.suspend</c>, someone else, suspended or departed.</summary>
    public ActionDecision CanReactivate()
    {
        if ((Right(AnnuaireService.Suspend) ?? AdministratorGuard("réactiver")) is { } refused)
        {
            return refused;
        }

        if (scope.IsSelf)
        {
            return Conflict("Vous ne pouvez pas réactiver votre propre compte.");
        }

        return scope.Person.Status is AccountStatus.Suspended or AccountStatus.Left
            ? ActionDecision.Yes
            : Conflict(scope.Person.Status == AccountStatus.Active
                ? "Ce compte est déjà actif."
                : "Ce compte n'est pas suspendu : il attend son activation.");
    }

    /// <summary>See the rubriques: one's own always, others' with <c>annuaire.rubriques</c>.</summary>
    public ActionDecision CanSeeRubriques() => scope.IsSelf ? ActionDecision.Yes : Right(AnnuaireService.Rubriques) ?? ActionDecision.Yes;

    private ActionDecision? Right(string right)
    {
        var check = request.CheckRight(right);
        return check.Allowed ? null : new ActionDecision(false, StatusCodes.Status403Forbidden, check.Reason, right);
    }

    private ActionDecision? AdministratorGuard(string verb)
    {
        if (scope.Person.Profile != AccountProfile.AdministrateurEnt || scope.IsSelf || request.CheckRight(AnnuaireService.AdminAccounts).Allowed)
        {
            return null;
        }

        return new ActionDecision(false, StatusCodes.Status403Forbidden,
            $"Pour {verb} le compte d'un administrateur de l'ENT, il faut aussi le droit {AnnuaireService.AdminAccounts} (Administration : comptes).",
            AnnuaireService.AdminAccounts);
    }

    private static ActionDecision Conflict(string reason) => new(false, StatusCodes.Status409Conflict, reason);
}
