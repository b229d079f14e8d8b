using System.Globalization;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;

namespace Preau.Plugins.Directory.Tests.Support;

/// <summary>Activation codes numbered in order, so that plans compare equal.</summary>
internal sealed class CountingCodes : IActivationCodeSource
{
    private int _next;

    public string Next() => "CODE-" + (++_next).ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>Planning helpers: deterministic ids and codes, plans that must succeed.</summary>
internal static class Plans
{
    private static int _runs;

    /// <summary>Options with ids <c>acc-&lt;run&gt;-000001</c>…: each call numbers its own run, so
    /// that plans made one after the other never hand out the same id.</summary>
    public static PlanOptions Options(
        GroupFeeding feeding = GroupFeeding.Siecle, ResponsableScope responsables = ResponsableScope.LegalAndEnCharge, string? idPrefix = null)
    {
        var prefix = idPrefix ?? $"acc-{Interlocked.Increment(ref _runs)}-";
        var next = 0;
        return new PlanOptions
        {
            GroupFeeding = feeding,
            Responsables = responsables,
            NewAccountId = () => prefix + (++next).ToString("D6", CultureInfo.InvariantCulture),
            ActivationCodes = new CountingCodes(),
        };
    }

    public static ImportPlan Plan(ImportSnapshot snapshot, DirectoryState state, PlanOptions? options = null)
    {
        var result = ImportPlanner.Plan(snapshot, state, options ?? Options());
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        return result.Plan!;
    }

    /// <summary>The directory after importing <paramref name="snapshot"/> into an empty one.</summary>
    public static DirectoryState Imported(ImportSnapshot snapshot, PlanOptions? options = null) =>
        PlanApplier.Apply(DirectoryState.Empty, Plan(snapshot, DirectoryState.Empty, options));

    public static AccountRecord AccountOf(DirectoryState state, string externalId) =>
        state.Accounts.Single(a => a.ExternalId == externalId);

    public static AccountRecord PupilAccount(DirectoryState state, ImportedPupil pupil) => AccountOf(state, pupil.ExternalId);
}
