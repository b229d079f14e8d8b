using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Preau.PluginHost.Adapters;
using Preau.PluginHost.Http;
using Preau.PluginHost.Jobs;
using Preau.PluginHost.Services;
using Preau.Plugins;
using Preau.Plugins.Accounts;
using Preau.Plugins.Audit;
using Preau.Plugins.Commands;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;
using Preau.Plugins.Jobs;
using Preau.Plugins.Mail;
using Preau.Plugins.Rights;
using Preau.Plugins.Storage;

namespace Preau.PluginHost.Loading;

/// <summary>Loads one plugin: its own collectible load context (McMaster.NETCore.Plugins) with the
/// contract, DI, logging and ASP.NET Core types shared with the host; its registrator; its own
/// service provider; and its contributions, checked. Any failure unloads what was loaded and
/// surfaces as a <see cref="PluginException"/> naming the stage.</summary>
internal static partial class PluginActivator
{
    /// <summary>Types whose assemblies the plugin must share with the host, or no plugin type would
    /// be the host's (an IPluginRegistrator from another load context is another type).</summary>
    private static readonly Type[] SharedTypes =
    [
        typeof(IPluginRegistrator),
        typeof(IServiceCollection),
        typeof(ServiceProvider),
        typeof(ILogger),
        typeof(HttpContext),
        typeof(IConfiguration),
    ];

    public static ActivePlugin Load(PluginManifest manifest, string folder, PluginHostServices host, PluginHostOptions options, Action<ActivePlugin, string> fail)
    {
        var dll = Path.Combine(folder, manifest.AssemblyFileName);
        if (!File.Exists(dll))
        {
            throw new PluginException($"loading: {manifest.AssemblyFileName} is missing from {folder}");
        }

        PluginLoader loader;
        Assembly assembly;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(dll, isUnloadable: true, SharedTypes, c =>
            {
                c.PreferSharedTypes = true;
                c.LoadInMemory = true; // No file stays open: the folder can be replaced on upgrade.
            });
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new PluginException($"loading {manifest.AssemblyFileName}: {Describe(ex)}", ex);
        }

        var plugin = new ActivePlugin(manifest, folder, loader, assembly, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        try
        {
            Register(plugin, manifest, folder, host, options, fail);
            return plugin;
        }
        catch
        {
            plugin.StopAsync(TimeSpan.Zero).GetAwaiter().GetResult();
            throw;
        }
    }

    private static void Register(ActivePlugin plugin, PluginManifest manifest, string folder, PluginHostServices host, PluginHostOptions options, Action<ActivePlugin, string> fail)
    {
        IPluginRegistrator registrator;
        try
        {
            var types = plugin.Assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPluginRegistrator).IsAssignableFrom(t))
                .ToArray();
            if (types.Length != 1)
            {
                throw new PluginException(types.Length == 0
                    ? $"loading: {manifest.AssemblyFileName} has no public class implementing IPluginRegistrator"
                    : $"loading: {manifest.AssemblyFileName} has several IPluginRegistrator classes ({string.Join(", ", types.Select(t => t.Name))})");
            }

            registrator = (IPluginRegistrator)Activator.CreateInstance(types[0])!;
        }
        catch (Exception ex) when (ex is not PluginException and not OutOfMemoryException)
        {
            throw new PluginException($"loading: {Describe(ex)}", ex);
        }

        var context = new PluginContext(manifest.Id, manifest.Name, manifest.Version, folder, Settings(host.Configuration, manifest.Id));
        var services = new ServiceCollection();
        services.AddSingleton(context);
        services.AddSingleton<IGraphReader>(new GraphReader(host.Directory));
        services.AddSingleton<IGraphWriter>(new GraphWriter(host.Directory, manifest.Id));
        services.AddSingleton<IMailSender>(new MailSender(host.Submission, host.Directory, host.Mail, host.Time, manifest.Id));
        services.AddSingleton<IPluginStore>(new PluginStore(host.Documents, manifest.Id.ToLowerInvariant(), plugin.Json));
        services.AddSingleton<IRightsChecker>(new RightsChecker(host));
        services.AddSingleton<IAccountCredentials>(new AccountCredentials(host.Directory, manifest.Id));
        services.AddSingleton<IAuditTrail>(sp => new AuditTrail(host, manifest.Id, [.. sp.GetServices<ServiceDeclaration>().Select(s => s.Id)]));
        services.AddSingleton(host.Time);
        services.AddSingleton(host.Loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        ServiceProvider provider;
        try
        {
            registrator.Register(services, context);
            // Not ValidateOnBuild: its call-site validation keeps the plugin's types reachable after the
            // provider is disposed, and the load context would never unload (found by the WeakReference
            // test). Resolving every contribution below surfaces missing dependencies at activation anyway.
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new PluginException($"registering: {Describe(ex)}", ex);
        }

        plugin.SetProvider(provider);
        try
        {
            Contribute(plugin, provider, host, options, fail);
        }
        catch (Exception ex) when (ex is not PluginException and not OutOfMemoryException)
        {
            throw new PluginException($"registering: {Describe(ex)}", ex);
        }
    }

    private static void Contribute(ActivePlugin plugin, ServiceProvider provider, PluginHostServices host, PluginHostOptions options, Action<ActivePlugin, string> fail)
    {
        var log = host.Loggers.CreateLogger("Preau.PluginHost." + plugin.Id);
        plugin.Hooks = provider.GetServices<ISubmissionHook>().Select(h => new HookAdapter(plugin, h, options.MaxHookTimeout, fail)).ToArray();
        plugin.Lists = provider.GetServices<IRecipientList>().Select(l => new ListAdapter(plugin, l, fail)).ToArray();
        plugin.Listeners = provider.GetServices<IDeliveryListener>().Select(l => new ListenerAdapter(plugin, l, options.MaxHookTimeout, host.Blobs, log, fail)).ToArray();
        plugin.Services = provider.GetServices<ServiceDeclaration>().ToArray();
        foreach (var service in plugin.Services)
        {
            CheckService(service);
        }

        Duplicates(plugin.Services.Select(s => s.Id), "service");
        plugin.Commands = provider.GetServices<IPluginCommand>().ToArray();
        foreach (var command in plugin.Commands)
        {
            if (command.Verb is null || !VerbPattern().IsMatch(command.Verb))
            {
                throw new PluginException($"registering: '{command.Verb}' is not a verb (lower-case words of letters, digits and '-')");
            }
        }

        Duplicates(plugin.Commands.Select(c => c.Verb), "verb");
        var now = host.Time.GetUtcNow();
        plugin.Jobs = provider.GetServices<IScheduledJob>()
            .Select(j => new JobSlot(j, string.IsNullOrWhiteSpace(j.Name) ? j.GetType().Name : j.Name.Trim(), j.Schedule ?? throw new PluginException($"registering: job {j.Name} has no schedule"), default))
            .ToArray();
        foreach (var slot in plugin.Jobs)
        {
            slot.NextRun = slot.Schedule.NextAfter(now, host.Time.LocalTimeZone);
        }

        Duplicates(plugin.Jobs.Select(j => j.Name), "job");
        var routes = new PluginRouteBuilder();
        foreach (var endpoints in provider.GetServices<IPluginEndpoints>())
        {
            endpoints.Map(routes);
        }

        plugin.Routes = routes.Build();
        var modules = provider.GetServices<WebmailModule>().ToArray();
        if (modules.Length > 1)
        {
            throw new PluginException("registering: a plugin offers at most one webmail module");
        }

        plugin.UiFiles = plugin.Assembly.GetManifestResourceNames()
            .Select(n => (Name: n, Path: n.Replace('\\', '/')))
            .Where(n => n.Path.StartsWith("ui/", StringComparison.Ordinal))
            .ToDictionary(n => n.Path[3..], n => n.Name, StringComparer.Ordinal);
        if (modules.SingleOrDefault() is { } module)
        {
            if (string.IsNullOrWhiteSpace(module.Label) || !plugin.UiFiles.ContainsKey(module.Entry ?? ""))
            {
                throw new PluginException($"registering: the webmail module's entry 'ui/{module.Entry}' is not embedded in the plugin");
            }

            plugin.Webmail = module;
        }
    }

    private static void CheckService(ServiceDeclaration service)
    {
        if (service.Id is null || !IdPattern().IsMatch(service.Id) || string.IsNullOrWhiteSpace(service.Label))
        {
            throw new PluginException($"registering: service '{service.Id}' needs an id of lower-case letters, digits and '-', and a label");
        }

        if (service.Actions is null || service.Actions.Count == 0)
        {
            throw new PluginException($"registering: service '{service.Id}' declares no action");
        }

        foreach (var action in service.Actions)
        {
            if (action?.Id is null || !IdPattern().IsMatch(action.Id) || string.IsNullOrWhiteSpace(action.Label))
            {
                throw new PluginException($"registering: service '{service.Id}': action '{action?.Id}' needs an id of lower-case letters, digits and '-', and a label");
            }
        }

        Duplicates(service.Actions.Select(a => a.Id), $"action of service {service.Id}");
    }

    private static void Duplicates(IEnumerable<string> names, string what)
    {
        var twice = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new PluginException($"registering: {what} '{twice.Key}' is declared twice");
        }
    }

    private static Dictionary<string, string> Settings(IConfiguration configuration, string id)
    {
        var settings = configuration.GetSection("PluginSettings").GetSection(id).AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.OrdinalIgnoreCase);

        // The server's data folder, for plugins that write files an administrator collects (activation codes).
        var data = configuration["Storage:DataDirectory"] is { Length: > 0 } configured ? configured : "data";
        settings.TryAdd("Host:DataDirectory", Path.GetFullPath(data));

        return settings;
    }

    /// <summary>The innermost useful message: "InvalidOperationException: …".</summary>
    internal static string Describe(Exception ex)
    {
        while (ex is TargetInvocationException or AggregateException or TypeInitializationException && ex.InnerException is not null)
        {
            ex = ex.InnerException!;
        }

        return ex is PluginException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$")]
    private static partial Regex VerbPattern();
}
