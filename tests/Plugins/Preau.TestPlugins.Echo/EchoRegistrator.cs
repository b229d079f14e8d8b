using Microsoft.Extensions.DependencyInjection;
using Preau.Plugins;
using Preau.Plugins.Commands;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;
using Preau.Plugins.Jobs;
using Preau.Plugins.Mail;
using Preau.Plugins.Rights;

namespace Preau.TestPlugins.Echo;

/// <summary>Registers every contribution of the Echo test plugin. Settings (PluginSettings:Preau.TestPlugins.Echo):
/// HookTimeoutMs, FailClosed, JobIntervalMs.</summary>
public sealed class EchoRegistrator : IPluginRegistrator
{
    /// <summary>The edition, to tell the upgraded build from the first.</summary>
#if ECHO_V2
    public const string Edition = "v2";
#else
    public const string Edition = "v1";
#endif

    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton(new ServiceDeclaration("echo", "Écho", [
            new ServiceActionDeclaration("use", "Utiliser l'écho", [GrantDeclaration.To(AccountProfile.Enseignant)]),
            new ServiceActionDeclaration("admin", "Administrer l'écho", [GrantDeclaration.To(AccountProfile.AdministrateurEnt)], "Réglages du module."),
        ]));
        services.AddSingleton<IPluginEndpoints, EchoEndpoints>();
        services.AddSingleton<IRecipientList, EchoLists>();
        services.AddSingleton<ISubmissionHook, WordFilterHook>();
        services.AddSingleton<IDeliveryListener, DeliveryRecorder>();
        services.AddSingleton<IPluginCommand, SayCommand>();
        services.AddSingleton<IScheduledJob, TickJob>();
        services.AddSingleton(new WebmailModule("Écho") { Right = "echo.admin" });
    }
}
