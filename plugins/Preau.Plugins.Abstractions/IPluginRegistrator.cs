using Microsoft.Extensions.DependencyInjection;

namespace Preau.Plugins;

/// <summary>The entry point of a plugin: one public class with a parameterless constructor in the
/// plugin's main assembly. The host calls <see cref="Register"/> once per activation, then builds the
/// plugin's own service provider and looks in it for what the plugin contributes.</summary>
/// <remarks>
/// <para>The container already holds what the host offers: <see cref="Graph.IGraphReader"/>,
/// <see cref="Graph.IGraphWriter"/>, <see cref="Mail.IMailSender"/>, <see cref="Storage.IPluginStore"/>,
/// <see cref="Rights.IRightsChecker"/>, <see cref="TimeProvider"/>, <c>ILoggerFactory</c> and
/// <c>ILogger&lt;T&gt;</c>, and the <see cref="PluginContext"/>.</para>
/// <para>Contributions are services of these types, registered as singletons:
/// <see cref="Mail.ISubmissionHook"/>, <see cref="Mail.IDeliveryListener"/>, <see cref="Mail.IRecipientList"/>,
/// <see cref="Rights.ServiceDeclaration"/>, <see cref="Http.IPluginEndpoints"/>, <see cref="Http.WebmailModule"/>,
/// <see cref="Commands.IPluginCommand"/> and <see cref="Jobs.IScheduledJob"/>.</para>
/// <para>An exception thrown here, or while the host resolves the contributions, marks the plugin
/// failed with the exception's message; the server keeps running without it.</para>
/// </remarks>
public interface IPluginRegistrator
{
    /// <summary>Adds the plugin's services and contributions to <paramref name="services"/>.</summary>
    /// <param name="services">The plugin's own container, disposed when the plugin is disabled.</param>
    /// <param name="context">Who the plugin is and its settings.</param>
    void Register(IServiceCollection services, PluginContext context);
}
