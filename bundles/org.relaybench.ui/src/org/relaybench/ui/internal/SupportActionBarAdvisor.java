package org.relaybench.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/** The workbench menus: File, Window (Show View, Preferences), Help; plugins add to their "additions" groups. */
final class SupportActionBarAdvisor extends ActionBarAdvisor {

    SupportActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
        MenuManager file = new MenuManager(Messages.MenuFile, IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(register(ActionFactory.QUIT.create(window)));
        menuBar.add(file);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager windowMenu = new MenuManager(Messages.MenuWindow, IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager(Messages.MenuShowView);
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(showView);
        windowMenu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        windowMenu.add(register(ActionFactory.PREFERENCES.create(window)));
        menuBar.add(windowMenu);

        MenuManager help = new MenuManager(Messages.MenuHelp, IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(register(ActionFactory.ABOUT.create(window)));
        menuBar.add(help);
    }

    private IAction register(ActionFactory.IWorkbenchAction action) {
        super.register(action);
        return action;
    }
}
