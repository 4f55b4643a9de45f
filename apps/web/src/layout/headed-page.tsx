import type { Metadata } from 'next';
import type { ComponentType } from 'react';
import { PageHeader } from '../components/page-header';

/**
 * A page that is a heading over one view: its tab title (the layout's template adds the section, '· Admin') and
 * the page itself. `export const metadata = page.metadata; export default page.Page;` in the route's page.tsx.
 */
export function headedPage(title: string, description: string, View: ComponentType) {
  const metadata: Metadata = { title };
  function HeadedPage() {
    return (
      <>
        <PageHeader title={title} description={description} />
        <View />
      </>
    );
  }
  return { metadata, Page: HeadedPage };
}
