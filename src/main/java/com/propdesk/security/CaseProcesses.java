package com.propdesk.security;

import java.util.Set;

/**
 * The processes that are case types: people and channels may start them, and every other process is one
 * of PropDesk's internal ones. The case types are declared above this package, so they are told to it
 * through this interface.
 */
public interface CaseProcesses {

	Set<String> keys();

}
