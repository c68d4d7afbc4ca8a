import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_SEARCHES_PER_REPORT } from '../application/search-gap.service';
import type { SearchGapsView } from '../application/search-gap.service';

@InputType({ description: 'Searches that found nothing on a desktop. Nothing but the folded text is kept, counted per site and day.' })
export class ReportSearchGapsInput {
  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SEARCHES_PER_REPORT)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  queries!: string[];
}

@ObjectType('SearchGapReceipt')
export class SearchGapReceiptType {
  @Field(() => Int, { description: 'Searches counted (too short or empty ones once folded are left out).' })
  counted!: number;
}

@InputType()
export class FileSearchGapPepinInput {
  @Field({ description: 'The search as listed by searchGaps.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  query!: string;
}

@InputType()
export class EraseSearchGapInput {
  @Field({ description: 'The search as listed by searchGaps (folded again by the server).' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  query!: string;
}

@ObjectType('SearchGapErasure', {
  description: 'The same answer whether the search was recorded or not: erasing cannot tell whether something was searched.',
})
export class SearchGapErasureType {
  @Field()
  erased!: boolean;
}

@ArgsType()
export class SearchGapsArgs {
  @Field(() => ID, { nullable: true, description: 'Admins: the site (default their own). Managers: their own site only.' })
  @IsOptional()
  @IsUUID()
  siteId?: string | null;
}

@ObjectType('SearchGapDay')
export class SearchGapDayType {
  @Field({ description: '`YYYY-MM-DD`, the site’s calendar day.' })
  day!: string;

  @Field(() => Int)
  searches!: number;
}

@ObjectType('SearchGap', { description: 'A normalised search that found nothing: how often, per day. No person.' })
export class SearchGapType {
  @Field()
  query!: string;

  @Field(() => Int, { description: 'Searches over the period.' })
  total!: number;

  @Field(() => Int, { description: 'Over the last `trendDays` days.' })
  recent!: number;

  @Field(() => Int, { description: 'Over the `trendDays` days before those.' })
  previous!: number;

  @Field(() => [SearchGapDayType], { description: 'Days with at least one such search, oldest first.' })
  days!: SearchGapDayType[];
}

@ObjectType('SearchGaps', { description: 'The site’s top unanswered searches of the last 30 days.' })
export class SearchGapsType {
  @Field(() => ID)
  siteId!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int)
  trendDays!: number;

  @Field(() => [SearchGapType], { description: 'Most searched first (at most 20).' })
  searches!: SearchGapType[];

  static of(view: SearchGapsView): SearchGapsType {
    return Object.assign(new SearchGapsType(), view, {
      searches: view.searches.map((row) => Object.assign(new SearchGapType(), row, { days: row.days.map((d) => Object.assign(new SearchGapDayType(), d)) })),
    });
  }
}

@ObjectType('SearchGapPepin', { description: 'The pépin a search gap became; open it in triage.' })
export class SearchGapPepinType {
  @Field(() => ID)
  id!: string;

  @Field()
  reference!: string;

  @Field()
  title!: string;
}
