using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>The school's choices for an import.</summary>
public sealed record PlanOptions
{
    /// <summary>Which source owns the groups this school year.</summary>
    public GroupFeeding GroupFeeding { get; init; } = GroupFeeding.Siecle;

    /// <summary>Which responsables get an account.</summary>
    public ResponsableScope Responsables { get; init; } = ResponsableScope.LegalAndEnCharge;

    /// <summary>Makes the id of a new account; by default <c>acc-</c> and 20 hex digits of a
    /// version-7 GUID, as <c>preau account add</c> does.</summary>
    public Func<string> NewAccountId { get; init; } = () => "acc-" + Guid.CreateVersion7().ToString("N")[..20];

    /// <summary>Values set by hand in the annuaire, by account id: kept over the feed's.</summary>
    public IReadOnlyDictionary<string, ManualValues> ManualValues { get; init; } = new Dictionary<string, ManualValues>();

    /// <summary>Makes the activation codes of new accounts.</summary>
    public IActivationCodeSource ActivationCodes { get; init; } = RandomActivationCodes.Instance;

    /// <summary>Share of a profile's accounts that may leave in one import before the plan asks for
    /// confirmation (a truncated export would otherwise suspend half the school).</summary>
    public double DepartureAlertShare { get; init; } = 0.25;

    /// <summary>Below this many accounts of a profile the departure alert does not apply.</summary>
    public int DepartureAlertFloor { get; init; } = 20;
}
