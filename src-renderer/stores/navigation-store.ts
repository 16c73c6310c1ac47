import { makeAutoObservable } from 'mobx';

/** The screens of the app shell; the editor names the service it shows. */
export type Route =
  | { screen: 'home' }
  | { screen: 'serviceNames' }
  | { screen: 'services' }
  | { screen: 'review' }
  | { screen: 'duplicates' }
  | { screen: 'evaluation' }
  | { screen: 'results' }
  | { screen: 'analytics' }
  | { screen: 'editor'; serviceId: string }
  | { screen: 'outbox' }
  | { screen: 'settings' };

/** Which screen is shown; the app has no URLs to route by. */
export class NavigationStore {
  route: Route = { screen: 'home' };

  constructor() {
    makeAutoObservable(this, {}, { autoBind: true });
  }

  go(route: Route): void {
    this.route = route;
  }

  openService(serviceId: string): void {
    this.route = { screen: 'editor', serviceId };
  }
}
