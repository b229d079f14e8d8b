using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Core.Rights;

namespace Preau.Core.Tests.Rights;

/// <summary>The tiny school plus the head teacher's two identities, an administrator and a DANE support
/// account, with a graph the test can change (a suspension) and a clock it moves.</summary>
internal sealed class RightsFixture
{
    public RightsFixture()
    {
        Graph = EstablishmentGraph.Build(TinySchool.Data with
        {
            Accounts =
            [
                .. TinySchool.Data.Accounts,
                TinySchool.Make("principal", Profile.Personnel, StaffFunction.Direction),
                TinySchool.Make("principal.admin", Profile.AdministrateurEnt, StaffFunction.Direction),
                TinySchool.Make("admin", Profile.AdministrateurEnt),
                TinySchool.Make("dane", Profile.Personnel, StaffFunction.SupportAcademique),
                TinySchool.Make("psyen", Profile.Personnel, StaffFunction.PsyEn),
                TinySchool.Make("vie.scolaire", Profile.Personnel, StaffFunction.VieScolaire),
            ],
        });
        Service = New();
    }

    public MemoryRightsStore Store { get; } = new();

    public ManualTime Time { get; } = new();

    public EstablishmentGraph Graph { get; set; }

    public RightsService Service { get; private set; }

    public Account this[string login] => Graph.FindByLogin(login) ?? throw new ArgumentException(login);

    /// <summary>A new service over the same store: what a restart sees.</summary>
    public RightsService Restart() => Service = New();

    public void Suspend(string login) => Graph = EstablishmentGraph.Build(Graph.Data with
    {
        Accounts = Graph.Data.Accounts.Select(a => a.Login == login ? a with { State = AccountState.Suspended } : a).ToArray(),
    });

    public bool Allowed(string login, string right) => Service.Check(this[login], right).Allowed;

    private RightsService New() => new(Store, Store, Time, () => Graph);
}
